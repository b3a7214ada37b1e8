export const AGENCY_TYPES = [
  'local-authority',
  'police',
  'nhs-trust',
  'gp-practice-or-icb',
  'ambulance',
  'care-provider',
  'housing',
  'probation',
  'education',
  'voluntary-sector',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** What a professional does here (practice primer, "Who uses it"); a person can hold several. */
export const ROLES = [
  'safeguarding-lead',
  'practitioner',
  'line-manager',
  'head-of-service',
  'designated-safeguarding-lead',
  'board-business-manager',
  'board-chair',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
