import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_TYPES, OTHER_VOICES, type MeetingType, type OtherVoice } from '@safeguard/domain';
import type {
  ActionEntity,
  MeetingCirculationEntity,
  MeetingDecisionEntity,
  MeetingEntity,
  MeetingOtherViewEntity,
  MeetingRiskEntity,
} from '@safeguard/persistence';
import { ActionSummaryView } from '../../actions/dto/action.view';

export class AttendeeView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ description: 'The agency they attended for.' })
  agencyName: string;
}

export class AdultVoiceView {
  @ApiProperty()
  attended: boolean;

  @ApiProperty({ type: String, nullable: true })
  views: string | null;

  @ApiProperty({ type: String, nullable: true })
  response: string | null;

  @ApiProperty({ type: String, nullable: true })
  notDiscussedReason: string | null;
}

export class OtherViewView {
  @ApiProperty({ enum: OTHER_VOICES })
  voice: OtherVoice;

  @ApiProperty()
  views: string;
}

export class RiskPlanView {
  @ApiProperty({ type: [String] })
  risks: string[];

  @ApiProperty({ format: 'uuid', description: 'Who leads on risk management and safety planning.' })
  leadId: string;

  @ApiProperty()
  capacityConcerns: boolean;

  @ApiProperty({ type: String, nullable: true })
  capacityAddressed: string | null;

  @ApiProperty({ type: String, nullable: true })
  sharedWithAdult: string | null;
}

export class CirculationView {
  @ApiProperty({ enum: ['action-log', 'minutes'] })
  item: 'action-log' | 'minutes';

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'date-time' })
  circulatedAt: string;
}

/** The record's lists, as loaded beside the meeting row. */
export interface MeetingRecordParts {
  risks: MeetingRiskEntity[];
  othersViews: MeetingOtherViewEntity[];
  circulation: MeetingCirculationEntity[];
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
    type: AdultVoiceView,
    nullable: true,
    description: "The adult's voice; null only on a meeting recorded before the service asked.",
  })
  adult: AdultVoiceView | null;

  @ApiProperty({ type: [OtherViewView] })
  othersViews: OtherViewView[];

  @ApiProperty({
    type: RiskPlanView,
    nullable: true,
    description: 'The risk plan; null only on a meeting recorded before the service asked.',
  })
  risk: RiskPlanView | null;

  @ApiProperty({
    type: [CirculationView],
    description: 'Who received the action log and the minutes, and when.',
  })
  circulation: CirculationView[];

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
    attendees: AttendeeView[],
    decisions: MeetingDecisionEntity[],
    items: ActionEntity[],
    parts: MeetingRecordParts,
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
      attendees: attendees.map(({ personId, agencyId, displayName, agencyName }) => ({
        personId,
        agencyId,
        displayName,
        agencyName,
      })),
      caseReference: meeting.caseReference,
      decisions: [...decisions].sort((a, b) => a.position - b.position).map((d) => d.text),
      reviewAt: meeting.reviewAt?.toISOString() ?? null,
      adult:
        meeting.adultAttended === null
          ? null
          : {
              attended: meeting.adultAttended,
              views: meeting.adultViews,
              response: meeting.adultViewsResponse,
              notDiscussedReason: meeting.adultNotDiscussedReason,
            },
      othersViews: parts.othersViews.map(({ voice, views }) => ({ voice, views })),
      risk:
        meeting.riskLeadId === null
          ? null
          : {
              risks: parts.risks.map((risk) => risk.text),
              leadId: meeting.riskLeadId,
              capacityConcerns: meeting.capacityConcerns ?? false,
              capacityAddressed: meeting.capacityAddressed,
              sharedWithAdult: meeting.riskSharedWithAdult,
            },
      circulation: parts.circulation.map(({ item, personId, circulatedAt }) => ({
        item,
        personId,
        circulatedAt: circulatedAt.toISOString(),
      })),
      status: meeting.status,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      items: items.map((item) => ActionSummaryView.of(item, now)),
    };
  }
}
