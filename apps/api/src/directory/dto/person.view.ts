import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@safeguard/domain';
import type { PersonEntity } from '@safeguard/persistence';

export class PersonView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  lineManagerId: string | null;

  @ApiProperty()
  active: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  deactivatedAt: string | null;

  static of(person: PersonEntity): PersonView {
    return {
      id: person.id,
      displayName: person.displayName,
      email: person.email,
      agencyId: person.agencyId,
      roles: person.roles,
      lineManagerId: person.lineManagerId,
      active: person.active,
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
    };
  }
}

export class DeactivationView {
  @ApiProperty({ type: PersonView })
  person: PersonView;

  @ApiProperty({ description: 'Open actions now owned by the line manager.' })
  actionsRerouted: number;

  @ApiProperty({ description: 'Direct reports now managed by the line manager.' })
  reportsRerouted: number;
}
