/** The kinds of record a chronology row can be about. */
export const CHRONOLOGY_SUBJECT_TYPES = [
  'action',
  'meeting',
  'enquiry',
  'disagreement',
  'person',
  'agency',
  'partnership',
  'policy',
] as const;
export type ChronologySubjectType = (typeof CHRONOLOGY_SUBJECT_TYPES)[number];

/** command: a change; read: someone looked at a record; system: the service acted on its own. */
export const CHRONOLOGY_KINDS = ['command', 'read', 'system'] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

/** The chain of directory records, policies and legacy rows with no partnership. */
export const DIRECTORY_CHAIN = 'directory';

/** Each partnership's records form their own chain, so partnerships never wait on each other. */
export function partnershipChain(partnershipId: string | null | undefined): string {
  return partnershipId?.toLowerCase() ?? DIRECTORY_CHAIN;
}
