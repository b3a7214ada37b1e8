export { STAGE_KEYS, isStageKey, stageFamily, type StageFamily, type StageKey } from './stage-keys';
export {
  clockSchema,
  offsetSchema,
  timescaleSchema,
  type Offset,
  type Timescale,
} from './timescale.schema';
export {
  ESCALATION_TARGETS,
  escalationTargetSchema,
  escalationTierSchema,
  policyDocumentSchema,
  sendWindowSchema,
  stageKeySchema,
  stagePolicySchema,
  stagesSchema,
  workingDaySchema,
  type EscalationTarget,
  type EscalationTier,
  type PolicyDocument,
  type SendWindow,
  type StagePolicy,
  type WorkingDay,
} from './policy.schema';
export { DOCUMENT_FIELD, formatFieldPath } from './field-path';
export {
  validatePolicy,
  type PolicyFieldError,
  type PolicyValidationResult,
} from './validate-policy';
export { createDefaultPolicy, defaultPolicy } from './default-policy';
export { stagePolicy, timescaleFor, urgencyVariant, type TimescaleVariant } from './stage-policy';
export { isoDurationToMilliseconds } from './iso-duration';
export { compareAmounts, offsetSign } from './offsets';
