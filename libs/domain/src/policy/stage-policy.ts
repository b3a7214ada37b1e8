import type { PolicyDocument, StagePolicy } from './policy.schema';
import type { StageKey } from './stage-keys';
import type { Timescale } from './timescale.schema';

export type TimescaleVariant = 'standard' | 'urgent' | 'complex';

export function stagePolicy(policy: PolicyDocument, key: StageKey): StagePolicy {
  return policy.stages[key];
}

/**
 * The one way a stage's timescale variant is chosen: the asked-for variant (urgent, complex) if
 * the stage has one, else its standard timescale.
 */
export function timescaleFor(
  stage: Pick<StagePolicy, 'timescale' | 'variants'>,
  variant: TimescaleVariant = 'standard',
): Timescale {
  return (variant !== 'standard' && stage.variants?.[variant]) || stage.timescale;
}

/** Immediate risk runs on a stage's urgent timescale, where it has one. */
export function urgencyVariant(urgent: boolean): TimescaleVariant {
  return urgent ? 'urgent' : 'standard';
}
