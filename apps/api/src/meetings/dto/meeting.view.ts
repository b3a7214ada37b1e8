import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_TYPES, type MeetingType } from '@safeguard/domain';
import type {
  ActionEntity,
  MeetingAttendeeEntity,
  MeetingDecisionEntity,
  MeetingEntity,
} from '@safeguard/persistence';
import { ActionSummaryView } from '../../actions/dto/action.view';

export class AttendeeView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;
}

export class MeetingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'MTG-2026-000007' })
  reference: string;

  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ description: 'The policy version its items are chased under.' })
  policyVersion: number;

  @ApiProperty({ enum: MEETING_TYPES })
  type: MeetingType;

  @ApiProperty({ format: 'date-time' })
  heldAt: string;

  @ApiProperty({ format: 'uuid' })
  chairId: string;

  @ApiProperty({ format: 'uuid' })
  minuteTakerId: string;

  @ApiProperty({ type: [AttendeeView] })
  attendees: AttendeeView[];

  @ApiPropertyOptional({ type: String, nullable: true })
  caseReference: string | null;

  @ApiProperty({ type: [String] })
  decisions: string[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  reviewAt: string | null;

  @ApiProperty({
    enum: ['open', 'closed'],
    description: 'closed: the action log, minutes, every action and the review are all closed.',
  })
  status: 'open' | 'closed';

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({
    type: [ActionSummaryView],
    description: 'The action log, the full minutes, each agreed action and the review.',
  })
  items: ActionSummaryView[];

  static of(
    meeting: MeetingEntity,
    attendees: MeetingAttendeeEntity[],
    decisions: MeetingDecisionEntity[],
    items: ActionEntity[],
  ): MeetingView {
    const now = new Date();
    return {
      id: meeting.id,
      reference: meeting.reference,
      partnershipId: meeting.partnershipId,
      policyVersion: meeting.policyVersion,
      type: meeting.type,
      heldAt: meeting.heldAt.toISOString(),
      chairId: meeting.chairId,
      minuteTakerId: meeting.minuteTakerId,
      attendees: attendees.map(({ personId, agencyId }) => ({ personId, agencyId })),
      caseReference: meeting.caseReference,
      decisions: [...decisions].sort((a, b) => a.position - b.position).map((d) => d.text),
      reviewAt: meeting.reviewAt?.toISOString() ?? null,
      status: meeting.status,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      items: items.map((item) => ActionSummaryView.of(item, now)),
    };
  }
}
