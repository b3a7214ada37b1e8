import type { PolicyDocument, StagePolicy } from './policy.schema';
import type { StageKey } from './stage-keys';
import type { Timescale } from './timescale.schema';

export type TimescaleVariant = 'standard' | 'urgent' | 'complex';

export function stagePolicy(policy: PolicyDocument, key: StageKey): StagePolicy {
  return policy.stages[key];
}

/** A stage without the asked-for variant runs on its standard timescale. */
export function timescaleFor(
  stage: StagePolicy,
  variant: TimescaleVariant = 'standard',
): Timescale {
  return (variant !== 'standard' && stage.variants?.[variant]) || stage.timescale;
}
