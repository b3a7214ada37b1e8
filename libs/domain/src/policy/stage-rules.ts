import { z } from 'zod';
import { compareAmounts, isWellFormed, measure, offsetSign } from './offsets';
import type { Offset, Timescale } from './timescale.schema';

type Path = (string | number)[];

/** Cross-field errors point at the number itself, so the editor can highlight the exact cell. */
function valuePath(path: Path, amount: Offset | Timescale): Path {
  return [...path, measure(amount).unit];
}

interface ListRule {
  readonly sign: (sign: -1 | 0 | 1) => boolean;
  readonly signMessage: string;
  readonly orderMessage: string;
  /** Two escalation tiers may fall due together (practice.md: +10 WD to two leads at once). */
  readonly allowTies: boolean;
}

export const REMINDER_RULE: ListRule = {
  sign: (sign) => sign <= 0,
  signMessage: 'reminders must come before the due date or on it (offset ≤ 0)',
  orderMessage: 'reminders must be in ascending order, each later than the one before',
  allowTies: false,
};

export const CHASE_RULE: ListRule = {
  sign: (sign) => sign > 0,
  signMessage: 'overdue chases must come after the due date (offset > 0)',
  orderMessage: 'overdue chases must be in ascending order, each later than the one before',
  allowTies: false,
};

export const ESCALATION_RULE: ListRule = {
  sign: (sign) => sign > 0,
  signMessage: 'escalation must come after the due date (offset > 0)',
  orderMessage: 'escalation tiers must be in ascending order',
  allowTies: true,
};

/** `at` is where the offset sits inside each entry: [] for plain offsets, ['after'] for tiers. */
export function checkOffsetList(
  offsets: readonly Offset[],
  listPath: Path,
  at: Path,
  rule: ListRule,
  ctx: z.RefinementCtx,
): void {
  offsets.forEach((offset, index) => {
    const here = valuePath([...listPath, index, ...at], offset);
    const sign = offsetSign(offset);
    if (sign !== undefined && !rule.sign(sign)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: here, message: rule.signMessage });
    }
    if (index === 0) return;
    const previous = offsets[index - 1];
    const order = compareAmounts(previous, offset);
    if (order === undefined) {
      const comparable = isWellFormed(previous) && isWellFormed(offset);
      if (comparable && measure(previous).unit !== measure(offset).unit) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: here,
          message: `must use the same unit (${measure(previous).unit}) as the entry before it, so the order is unambiguous`,
        });
      }
      return;
    }
    if (order > 0 || (order === 0 && !rule.allowTies)) {
      // Either neighbour may be the one that is wrong, so both are named.
      const before = valuePath([...listPath, index - 1, ...at], previous);
      for (const path of [before, here]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: rule.orderMessage });
      }
    }
  });
}

export function checkVariant(
  timescale: Timescale,
  variant: Timescale | undefined,
  name: 'urgent' | 'complex',
  ctx: z.RefinementCtx,
): void {
  if (!variant) return;
  // Timescales cannot be negative; that has its own error.
  if ([variant, timescale].some((t) => (measure(t).value ?? -1) < 0)) return;
  const order = compareAmounts(variant, timescale);
  if (order === undefined || measure(variant).unit !== measure(timescale).unit) return;
  const wrong = name === 'urgent' ? order > 0 : order < 0;
  if (!wrong) return;
  const message =
    name === 'urgent'
      ? 'the urgent timescale must not be longer than the normal timescale'
      : 'the complex timescale must not be shorter than the normal timescale';
  for (const path of [
    valuePath(['variants', name], variant),
    valuePath(['timescale'], timescale),
  ]) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  }
}
