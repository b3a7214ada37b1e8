/**
 * The categories of the Safeguarding Adults Collection (SAC), the annual statutory return every
 * English local authority makes (practice primer §1, "Statutory reporting"). A concern records
 * them when it is raised so the return can be produced from what was recorded, never re-keyed.
 * Values are stable identifiers stored in Postgres; labels are what the return prints.
 */
export const RISK_TYPES = [
  'physical',
  'sexual',
  'psychological',
  'financial-or-material',
  'neglect-and-acts-of-omission',
  'discriminatory',
  'organisational',
  'domestic-abuse',
  'modern-slavery',
  'sexual-exploitation',
  'self-neglect',
] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const RISK_LOCATIONS = [
  'own-home',
  'care-home-nursing',
  'care-home-residential',
  'hospital-acute',
  'hospital-mental-health',
  'hospital-community',
  'in-the-community',
  'community-service',
  'other',
] as const;
export type RiskLocation = (typeof RISK_LOCATIONS)[number];

export const RISK_SOURCES = [
  'service-provider',
  'other-known-to-individual',
  'other-unknown-to-individual',
] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

/** Who brought the concern to the local authority. */
export const CONCERN_SOURCES = [
  'social-care-staff',
  'health-staff',
  'police',
  'care-provider',
  'housing',
  'education-or-training',
  'other-professional',
  'family-or-friend',
  'self-referral',
  'anonymous',
  'other',
] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

export const RISK_OUTCOMES = ['removed', 'reduced', 'remained'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

/** Making Safeguarding Personal: were the adult's desired outcomes met. */
export const OUTCOMES_MET = ['fully', 'partly', 'not'] as const;
export type OutcomesMet = (typeof OUTCOMES_MET)[number];

export const CAPACITY_VIEWS = ['has-capacity', 'lacks-capacity', 'not-yet-assessed'] as const;
export type CapacityView = (typeof CAPACITY_VIEWS)[number];

/**
 * Why the adult's consent was not sought or was overridden: the grounds safeguarding practice
 * accepts for going ahead without it (practice primer §1, "Consent and capacity").
 */
export const CONSENT_NOT_SOUGHT_REASONS = [
  'lacks-capacity',
  'risk-to-others',
  'serious-crime',
  'coercion-or-undue-influence',
  'vital-interests',
  'other',
] as const;
export type ConsentNotSoughtReason = (typeof CONSENT_NOT_SOUGHT_REASONS)[number];

/**
 * Causing another agency to make enquiries shares the adult's information with it: they consented
 * to that, or it was overridden on one of the grounds above (practice primer §2, "Consent to
 * share": record which, and why).
 */
export const SHARING_CONSENT = ['consented', 'overridden'] as const;
export type SharingConsent = (typeof SHARING_CONSENT)[number];

/**
 * Care Act s68: an independent advocate where the adult has substantial difficulty taking part
 * and nobody appropriate can support them.
 */
export const ADVOCACY = [
  'independent-advocate-arranged',
  'appropriate-person-supports',
  'not-needed',
] as const;
export type Advocacy = (typeof ADVOCACY)[number];

/** Where a concern goes when the Section 42 duty is not met and no other enquiry is made. */
export const NO_ENQUIRY_ROUTES = [
  'no-further-action',
  'information-and-advice',
  'care-and-support-assessment',
  'referred-to-another-agency',
  'other',
] as const;
export type NoEnquiryRoute = (typeof NO_ENQUIRY_ROUTES)[number];

/** Why an enquiry's clocks stop. A police investigation is the case practice names. */
export const PAUSE_REASONS = ['police-investigation', 'other-investigation', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
