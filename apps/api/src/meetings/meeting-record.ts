import {
  agenciesLeftOffCirculation,
  whyAdultVoiceIncomplete,
  whyRiskPlanIncomplete,
} from '@safeguard/domain';
import {
  MeetingCirculationEntity,
  MeetingOtherViewEntity,
  MeetingRiskEntity,
  type MeetingEntity,
} from '@safeguard/persistence';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem';
import type { RecordMeetingDto } from './dto/record-meeting.dto';
import type { MeetingRecordParts } from './dto/meeting.view';

/** What the minute-taker records as circulated. */
export type CirculatedItem = MeetingCirculationEntity['item'];

/**
 * What a meeting record must hold beyond who was there and what was decided (seed 002): the
 * adult's voice and the risk plan. 422 naming the field, before anything is stored.
 */
export function assertRecordHoldsWhatItMust(dto: RecordMeetingDto): void {
  const voice = whyAdultVoiceIncomplete(dto.adult);
  if (voice) throw ProblemException.unprocessable(`adult.${voice.field}`, voice.reason);
  const plan = whyRiskPlanIncomplete(dto.risk);
  if (plan) throw ProblemException.unprocessable(`risk.${plan.field}`, plan.reason);
}

/** The meeting row's columns for the adult's voice and the risk plan. */
export function recordColumns(
  dto: RecordMeetingDto,
): Pick<
  MeetingEntity,
  | 'adultAttended'
  | 'adultViews'
  | 'adultViewsResponse'
  | 'adultNotDiscussedReason'
  | 'riskLeadId'
  | 'capacityConcerns'
  | 'capacityAddressed'
  | 'riskSharedWithAdult'
> {
  const heard = Boolean(dto.adult.views?.trim());
  return {
    adultAttended: dto.adult.attended,
    adultViews: heard ? dto.adult.views!.trim() : null,
    adultViewsResponse: heard ? dto.adult.response!.trim() : null,
    adultNotDiscussedReason: heard ? null : dto.adult.notDiscussedReason!.trim(),
    riskLeadId: dto.risk.leadId,
    capacityConcerns: dto.risk.capacityConcerns,
    capacityAddressed: dto.risk.capacityConcerns ? dto.risk.capacityAddressed!.trim() : null,
    riskSharedWithAdult: dto.risk.sharedWithAdult?.trim() || null,
  };
}

/** The record's lists, stored with the meeting in its transaction. */
export async function storeRecordLists(
  db: EntityManager,
  meetingId: string,
  dto: RecordMeetingDto,
): Promise<void> {
  const risks = dto.risk.risks.map((text) => text.trim()).filter(Boolean);
  await db.insert(
    MeetingRiskEntity,
    risks.map((text, position) => ({ meetingId, position, text })),
  );
  const others = dto.othersViews ?? [];
  if (others.length > 0) {
    await db.insert(
      MeetingOtherViewEntity,
      others.map(({ voice, views }, position) => ({ meetingId, position, voice, views })),
    );
  }
}

export async function loadRecordLists(
  db: EntityManager,
  meetingId: string,
): Promise<MeetingRecordParts> {
  const [risks, othersViews, circulation] = await Promise.all([
    db.find(MeetingRiskEntity, { where: { meetingId }, order: { position: 'ASC' } }),
    db.find(MeetingOtherViewEntity, { where: { meetingId }, order: { position: 'ASC' } }),
    db.find(MeetingCirculationEntity, {
      where: { meetingId },
      order: { circulatedAt: 'ASC', personId: 'ASC' },
    }),
  ]);
  return { risks, othersViews, circulation };
}

/**
 * Every agency that attended receives the minutes (need to know): 422 naming `recipientIds` and
 * the agencies nobody on the list belongs to.
 */
export async function assertEveryAgencyReached(
  db: EntityManager,
  meetingId: string,
  recipientIds: readonly string[],
): Promise<void> {
  const attending: Array<{ agency_id: string }> = await db.query(
    `SELECT DISTINCT agency_id FROM meeting_attendees WHERE meeting_id = $1`,
    [meetingId],
  );
  const reached: Array<{ agency_id: string }> = await db.query(
    `SELECT agency_id FROM people WHERE id = ANY($1)`,
    [recipientIds],
  );
  const left = agenciesLeftOffCirculation(
    attending.map((row) => row.agency_id),
    reached.map((row) => row.agency_id),
  );
  if (left.length === 0) return;
  const names: Array<{ name: string }> = await db.query(
    `SELECT name FROM agencies WHERE id = ANY($1) ORDER BY name`,
    [left],
  );
  throw ProblemException.unprocessable(
    'recipientIds',
    `every agency that attended receives them; nobody listed works for ${names
      .map((row) => row.name)
      .join(', ')}`,
  );
}
