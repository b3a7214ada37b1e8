import type { Principal } from '../auth/principal';

/**
 * SQL condition: the agency in `agencyIdColumn` belongs to one of the principal's partnerships.
 * Everything in the directory is seen through it, so other partnerships' records stay unknown.
 */
export function agencyInPrincipalPartnerships(agencyIdColumn: string): string {
  return `${agencyIdColumn} IN (SELECT agency_id FROM agency_partnerships WHERE partnership_id = ANY(:partnershipIds))`;
}

export function scopeParameters(principal: Principal): { partnershipIds: string[] } {
  return { partnershipIds: principal.partnershipIds };
}
