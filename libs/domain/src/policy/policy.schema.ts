import { z } from 'zod';
import { NATIONS } from '../calendar';
import { clockMinutes, WINDOW_END_PATTERN } from './clock';
import { STAGE_KEYS, stageFamily, type StageKey } from './stage-keys';
import {
  CHASE_RULE,
  ESCALATION_RULE,
  REMINDER_RULE,
  checkOffsetList,
  checkVariant,
} from './stage-rules';
import { saying, singleLineText, strictObject } from './schema-helpers';
import { clockSchema, offsetSchema, timescaleSchema } from './timescale.schema';

/** Roles, not people: the directory resolves each one for the item's owner and agency. */
export const ESCALATION_TARGETS = [
  'owner',
  'owner-line-manager',
  'agency-designated-lead',
  'local-authority-lead',
  'head-of-service',
  'board',
] as const;

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, saying(`must be one of ${values.join(', ')}`));
}

export const stageKeySchema = oneOf(STAGE_KEYS);
export const escalationTargetSchema = oneOf(ESCALATION_TARGETS);

export const escalationTierSchema = strictObject({
  after: offsetSchema,
  notify: escalationTargetSchema,
});

function list<T extends z.ZodTypeAny>(item: T, max: number, what: string) {
  return z.array(item, saying('must be a list')).max(max, `must have at most ${max} ${what}`);
}

export const stagePolicySchema = strictObject({
  /** Goes into email subjects, so it stays neutral: no names, no allegation, one line. */
  title: singleLineText(80),
  timescale: timescaleSchema,
  variants: strictObject({
    urgent: timescaleSchema.optional(),
    complex: timescaleSchema.optional(),
  }).optional(),
  remindersBeforeDue: list(offsetSchema, 10, 'reminders'),
  overdueChases: list(offsetSchema, 10, 'chases'),
  escalation: list(escalationTierSchema, ESCALATION_TARGETS.length, 'escalation tiers'),
  /**
   * The ladder an immediate-risk item climbs instead: hours, not days (a designated lead within
   * 2 hours, the local authority's lead within 4). Without it, urgent items climb `escalation`.
   */
  urgentEscalation: list(
    escalationTierSchema,
    ESCALATION_TARGETS.length,
    'urgent escalation tiers',
  ).optional(),
  /** When the timescale passes unresolved, the item moves on to this stage by itself. */
  autoEscalateTo: stageKeySchema.optional(),
  basis: singleLineText(500).optional(),
}).superRefine((stage, ctx) => {
  checkVariant(stage.timescale, stage.variants?.urgent, 'urgent', ctx);
  checkVariant(stage.timescale, stage.variants?.complex, 'complex', ctx);
  checkOffsetList(stage.remindersBeforeDue, ['remindersBeforeDue'], [], REMINDER_RULE, ctx);
  checkOffsetList(stage.overdueChases, ['overdueChases'], [], CHASE_RULE, ctx);
  for (const ladder of ['escalation', 'urgentEscalation'] as const) {
    const tiers = stage[ladder] ?? [];
    checkOffsetList(
      tiers.map((tier) => tier.after),
      [ladder],
      ['after'],
      ESCALATION_RULE,
      ctx,
    );
    const seen = new Map<string, number>();
    tiers.forEach((tier, index) => {
      const first = seen.get(tier.notify);
      if (first === undefined) seen.set(tier.notify, index);
      else
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [ladder, index, 'notify'],
          message: `each escalation target may appear only once (already notified by ${ladder}[${first}])`,
        });
    });
  }
  if (stage.autoEscalateTo !== undefined) {
    // The item has left the stage at its due date, so these would never be sent.
    for (const field of ['overdueChases', 'escalation', 'urgentEscalation'] as const) {
      if ((stage[field] ?? []).length > 0)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: 'must be empty when the stage moves on by itself (autoEscalateTo)',
        });
    }
  }
});

function startBeforeEnd(range: { start: string; end: string }, ctx: z.RefinementCtx): void {
  if (clockMinutes(range.start) >= clockMinutes(range.end))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['start'],
      message: `start must be before end (${range.end})`,
    });
}

/** Working days only (the nation's bank holidays and weekends are quiet), or every day. */
export const SEND_WINDOW_DAYS = ['working-days', 'every-day'] as const;

const WINDOW_END_MESSAGE = 'must be a 24-hour local time HH:MM, such as 17:30, or 24:00';
const windowEndSchema = z
  .string(saying(WINDOW_END_MESSAGE))
  .regex(WINDOW_END_PATTERN, WINDOW_END_MESSAGE);

export const workingDaySchema = strictObject({ start: clockSchema, end: clockSchema }).superRefine(
  startBeforeEnd,
);

/**
 * Quiet hours: non-urgent messages wait for the next window, urgent ones may be exempt. A
 * partnership that sends at any time says so: every day, from 00:00 to 24:00.
 */
export const sendWindowSchema = strictObject({
  days: oneOf(SEND_WINDOW_DAYS),
  start: clockSchema,
  end: windowEndSchema,
  urgentExempt: z.boolean(saying('must be true or false')),
}).superRefine(startBeforeEnd);

const stagesShape = Object.fromEntries(STAGE_KEYS.map((key) => [key, stagePolicySchema])) as {
  [K in StageKey]: typeof stagePolicySchema;
};

/** Every stage is required: a running workflow must never find its stage missing from policy. */
export const stagesSchema = strictObject(stagesShape, 'unknown stage');

/**
 * One published version of a partnership's policy. The partnership id and version number are
 * assigned by the database on publication, so they are deliberately not part of the document.
 */
export const policyDocumentSchema = strictObject({
  schemaVersion: z.literal(1, saying('must be 1, the only policy schema version so far')),
  name: singleLineText(200),
  /** Chooses the bank holidays that working days skip. */
  nation: oneOf(NATIONS),
  timeZone: z.literal('Europe/London', saying('must be "Europe/London"')),
  workingDay: workingDaySchema,
  sendWindow: sendWindowSchema,
  stages: stagesSchema,
}).superRefine((policy, ctx) => {
  for (const key of STAGE_KEYS) {
    const next = policy.stages[key].autoEscalateTo;
    if (next === undefined) continue;
    const path = ['stages', key, 'autoEscalateTo'];
    const problem =
      stageFamily(next) !== stageFamily(key)
        ? `must be a ${stageFamily(key)} stage`
        : loopFrom(policy.stages, key);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: problem });
  }
});

function loopFrom(
  stages: Record<StageKey, { autoEscalateTo?: StageKey }>,
  start: StageKey,
): string | undefined {
  const route: StageKey[] = [start];
  let current = stages[start].autoEscalateTo;
  while (current !== undefined) {
    route.push(current);
    if (current === start) return `must not lead back to this stage (${route.join(' → ')})`;
    if (route.length > STAGE_KEYS.length) return undefined;
    current = stages[current].autoEscalateTo;
  }
  return undefined;
}

export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export type EscalationTier = z.infer<typeof escalationTierSchema>;
export type StagePolicy = z.infer<typeof stagePolicySchema>;
export type SendWindow = z.infer<typeof sendWindowSchema>;
export type WorkingDay = z.infer<typeof workingDaySchema>;
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
