/**
 * Every process stage a partnership's policy must give timescales for, in the order a board
 * business manager reads them: the Section 42 lifecycle, meeting follow-up, then the
 * professional disagreement ladder. Keys are stable identifiers stored with each published
 * policy version and referenced by running workflows, so renaming one is a schema change.
 */
export const STAGE_KEYS = [
  's42.acknowledge-concern',
  's42.decision',
  's42.strategy-discussion',
  's42.delegation-acceptance',
  's42.enquiry-report',
  's42.quality-assurance',
  's42.outcome-and-plan',
  's42.plan-review',
  'meeting.action-log',
  'meeting.full-minutes',
  'meeting.action',
  'disagreement.stage-1',
  'disagreement.stage-2',
  'disagreement.stage-3',
  'disagreement.stage-4-inform',
  'disagreement.stage-4-decide',
] as const;

export type StageKey = (typeof STAGE_KEYS)[number];

export type StageFamily = 's42' | 'meeting' | 'disagreement';

const stageKeySet: ReadonlySet<string> = new Set(STAGE_KEYS);

export function isStageKey(value: unknown): value is StageKey {
  return typeof value === 'string' && stageKeySet.has(value);
}

/** A stage may only hand over automatically to a stage of the same process. */
export function stageFamily(key: StageKey): StageFamily {
  return key.slice(0, key.indexOf('.')) as StageFamily;
}
