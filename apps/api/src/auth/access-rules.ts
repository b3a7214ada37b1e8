import { SetMetadata } from '@nestjs/common';
import type { Role } from '@safeguard/domain';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'access:public';
export const ALLOWED_ROLES = 'access:roles';

/** No token needed: liveness, readiness and the dev token issuer. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only principals holding at least one of these roles reach the handler (else 403). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Roles that work with case records. Board roles and admins never see personal case data. */
export const CASE_ROLES: Role[] = [
  'safeguarding-lead',
  'head-of-service',
  'designated-safeguarding-lead',
  'line-manager',
  'practitioner',
];

/** Case roles that see every case of their partnerships, not only their own agency's. */
const PARTNERSHIP_WIDE_ROLES: Role[] = ['safeguarding-lead', 'head-of-service'];

export function seesWholePartnership(principal: Principal): boolean {
  return principal.roles.some((role) => PARTNERSHIP_WIDE_ROLES.includes(role));
}
