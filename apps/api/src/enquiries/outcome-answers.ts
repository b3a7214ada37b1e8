import type { OutcomesMet, RiskOutcome } from '@safeguard/domain';

/**
 * The facts of an outcome record, read by the statutory return under exactly these keys: the
 * risk outcome and the Making Safeguarding Personal (MSP) answers.
 */
export interface OutcomeAnswers {
  riskOutcome?: RiskOutcome;
  mspAsked?: boolean;
  outcomesExpressed?: boolean;
  outcomesMet?: OutcomesMet;
}

const ANSWER_KEYS = ['riskOutcome', 'mspAsked', 'outcomesExpressed', 'outcomesMet'] as const;

/** Answers can come in parts: each new answer replaces the one before, the rest are kept. */
export function answersSoFar(
  previous: Record<string, unknown> | undefined,
  given: OutcomeAnswers,
): OutcomeAnswers {
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    const value = given[key] ?? previous?.[key];
    if (value !== undefined) answers[key] = value;
  }
  return answers as OutcomeAnswers;
}

export function riskOutcomeRecorded(answers: OutcomeAnswers): boolean {
  return answers.riskOutcome !== undefined;
}

/**
 * Every MSP answer that applies is in: the adult was not asked; or asked and expressed no
 * outcomes; or asked, expressed them, and whether they were met is recorded.
 */
export function mspRecorded({ mspAsked, outcomesExpressed, outcomesMet }: OutcomeAnswers): boolean {
  if (mspAsked === false) return true;
  if (mspAsked !== true) return false;
  if (outcomesExpressed === false) return true;
  return outcomesExpressed === true && outcomesMet !== undefined;
}
