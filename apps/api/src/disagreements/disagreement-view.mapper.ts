import type {
  ActionEntity,
  ChronologyEntryEntity,
  DisagreementEntity,
  DisagreementRecordEntity,
  PersonEntity,
} from '@safeguard/persistence';
import { TimelineEntryView } from '../actions/case-timeline';
import {
  AgreedActionView,
  DisagreementRecordView,
  DisagreementSummaryView,
  DisagreementView,
  PersonRefView,
  type Reader,
} from './dto/disagreement.view';

/**
 * The disagreement's read model as the API shows it: the one place a row becomes a view, and
 * where the board's view leaves out people and words. The DTOs in dto/disagreement.view.ts only
 * describe the shape (for the OpenAPI document); a field added to the read model is mapped here.
 */

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Everything about one disagreement, for those who may see it. */
export interface DisagreementParts {
  disagreement: DisagreementEntity;
  records: DisagreementRecordEntity[];
  actions: ActionEntity[];
  timeline: ChronologyEntryEntity[];
  /** Everyone the parts name, by id. */
  people: ReadonlyMap<string, PersonEntity>;
  /**
   * Who reads it: the board (practice primer, "Who may see a case") sees stages, agencies,
   * themes, dates and categories, never a person's details or anyone's words, at any stage.
   */
  reader: Reader;
}

/**
 * A disagreement as lists show it: references, stages, dates, agencies and themes; never a
 * person, the case or anything anyone wrote.
 */
export function disagreementSummaryView(
  disagreement: DisagreementEntity,
  now = new Date(),
): DisagreementSummaryView {
  const { stageDueAt } = disagreement;
  return {
    id: disagreement.id,
    reference: disagreement.reference,
    partnershipId: disagreement.partnershipId,
    status: disagreement.status,
    stage: disagreement.stage,
    stageKey: disagreement.stageKey,
    highestStage: disagreement.highestStage,
    stageDueAt: iso(stageDueAt),
    overdue: disagreement.status === 'open' && stageDueAt !== null && stageDueAt < now,
    immediateRisk: disagreement.immediateRisk,
    themes: disagreement.themes,
    raiserAgencyId: disagreement.raiserAgencyId,
    otherAgencyId: disagreement.otherAgencyId,
    raisedAt: disagreement.raisedAt.toISOString(),
    closedAt: iso(disagreement.closedAt),
  };
}

/** Everything about one disagreement, as its reader may see it. */
export function disagreementView(parts: DisagreementParts, now = new Date()): DisagreementView {
  const { disagreement: d, records, people, reader } = parts;
  const board = reader === 'board';
  const concern = records.find((record) => record.kind === 'concern');
  const subject = typeof concern?.facts.subject === 'string' ? concern.facts.subject : '';
  return {
    ...disagreementSummaryView(d, now),
    policyVersion: d.policyVersion,
    caseReference: board ? null : d.caseReference,
    subject: board ? null : subject,
    raisedBy: personRefView(d.raisedById, people, reader),
    otherPerson: d.otherPersonId ? personRefView(d.otherPersonId, people, reader) : null,
    stageStartedAt: iso(d.stageStartedAt),
    participants: d.participantIds.map((id) => ({
      ...personRefView(id, people, reader),
      acknowledged: d.acknowledgedByIds.includes(id),
    })),
    acknowledgedBy: d.acknowledgedByIds,
    outcomeId: d.outcomeId,
    withdrawalId: d.withdrawalId,
    records: records.map((record) => disagreementRecordView(record, people, reader)),
    agreedActions: parts.actions.map((action) => agreedActionView(action, people, reader)),
    timeline: parts.timeline.map(TimelineEntryView.of),
  };
}

function personRefView(
  id: string,
  people: ReadonlyMap<string, PersonEntity>,
  reader: Reader,
): PersonRefView {
  const person = people.get(id);
  return {
    id,
    displayName: reader === 'board' ? null : (person?.displayName ?? ''),
    agencyId: person?.agencyId ?? '',
  };
}

function disagreementRecordView(
  record: DisagreementRecordEntity,
  people: ReadonlyMap<string, PersonEntity>,
  reader: Reader,
): DisagreementRecordView {
  const board = reader === 'board';
  return {
    id: record.id,
    kind: record.kind,
    stage: record.stage,
    text: board ? null : record.text,
    facts: board ? {} : record.facts,
    author: personRefView(record.authorId, people, reader),
    createdAt: record.createdAt.toISOString(),
  };
}

function agreedActionView(
  action: ActionEntity,
  people: ReadonlyMap<string, PersonEntity>,
  reader: Reader,
): AgreedActionView {
  return {
    id: action.id,
    reference: action.reference,
    title: reader === 'board' ? null : action.title,
    owner: personRefView(action.ownerId, people, reader),
    dueAt: action.dueAt.toISOString(),
    status: action.status,
  };
}
