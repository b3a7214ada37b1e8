import { ApiProperty } from '@nestjs/swagger';
import {
  CHRONOLOGY_KINDS,
  type ChronologyEntryEntity,
  type ChronologyKind,
} from '@safeguard/persistence';

export class ActorView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agencyId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'designated-safeguarding-lead' })
  role: string | null;
}

export class ChronologyEntryView {
  @ApiProperty({ example: '1042', description: 'Row id (bigint, as a string).' })
  id: string;

  @ApiProperty({ description: 'The partnership id, or "directory" for directory records.' })
  chain: string;

  @ApiProperty({ example: '17', description: 'Place in the chain (bigint, as a string).' })
  sequence: string;

  @ApiProperty({ example: 'action.created' })
  event: string;

  @ApiProperty({ enum: CHRONOLOGY_KINDS })
  kind: ChronologyKind;

  @ApiProperty({
    type: ActorView,
    nullable: true,
    description: 'Who did it; null when the service acted on its own or nobody was recorded.',
  })
  actor: ActorView | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The x-request-id of the request that did it.',
  })
  requestId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Before/after summary: ids, statuses and versions only, never personal data.',
  })
  summary: Record<string, unknown>;

  static of(row: ChronologyEntryEntity): ChronologyEntryView {
    return {
      id: row.id,
      chain: row.chain,
      sequence: row.sequence,
      event: row.event,
      kind: row.kind,
      actor: row.actorId
        ? { personId: row.actorId, agencyId: row.actorAgencyId, role: row.actorRole }
        : null,
      requestId: row.requestId,
      occurredAt: row.occurredAt.toISOString(),
      summary: row.detail,
    };
  }
}
