import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { AgencyType, Role } from '@safeguard/domain';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'access:public';
export const ALLOWED_ROLES = 'access:roles';

/**
 * No token needed: liveness, readiness, the dev token issuer, and the routes whose URL is itself
 * the credential. The OpenAPI document says so too: the operation lifts the bearer requirement
 * (`security: []`), so it lists no 401 or 403 either.
 */
export const Public = (): MethodDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), withoutBearerRequirement);

/** Merged into the operation's other documentation, whether @ApiOperation comes before or after. */
function withoutBearerRequirement(
  _target: object,
  _key: string | symbol,
  method: PropertyDescriptor,
) {
  const operation: object = Reflect.getMetadata(DECORATORS.API_OPERATION, method.value) ?? {};
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, method.value);
}

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

/** The board's business manager and independent chair: figures, and stage 4 of a disagreement. */
export const BOARD_ROLES: Role[] = ['board-business-manager', 'board-chair'];

/**
 * Senior case roles. In the local authority that leads a partnership's enquiries they see every
 * case of the partnership; in any other agency, only what their own agency is party to, as its
 * designated safeguarding leads do. Holding the title does not carry across agencies: a care
 * provider's head of service never reads an enquiry into the provider's own home.
 */
const SENIOR_ROLES: Role[] = ['safeguarding-lead', 'head-of-service'];

/** The agency type whose senior roles hold the partnership's cases (practice primer §1). */
const LEADS_ENQUIRIES: AgencyType = 'local-authority';

export function seesWholePartnership(principal: Principal): boolean {
  return principal.agencyType === LEADS_ENQUIRIES && holdsAny(principal, SENIOR_ROLES);
}

/** Answers for their agency's part: its designated safeguarding leads and its senior roles. */
export function leadsOwnAgency(principal: Principal): boolean {
  return holdsAny(principal, ['designated-safeguarding-lead', ...SENIOR_ROLES]);
}

function holdsAny(principal: Principal, roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/**
 * The parts of the service a person has a use for, by the rules above: casework (their items,
 * disagreements, delegated enquiries), the board's reports (partnership-wide leads and the
 * board), the directory and policy (admins). The web service lays out its navigation by them;
 * every route still checks for itself.
 */
export const SECTIONS = ['casework', 'board-reports', 'administration'] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionsOf(principal: Principal): Section[] {
  const sections: Section[] = [];
  if (holdsAny(principal, CASE_ROLES)) sections.push('casework');
  if (seesWholePartnership(principal) || holdsAny(principal, BOARD_ROLES)) {
    sections.push('board-reports');
  }
  if (holdsAny(principal, ['admin'])) sections.push('administration');
  return sections;
}

export const PARTNERSHIP_WIDE = 'access:partnership-wide';

/**
 * Routes about a whole partnership: only those who see every case of it (seesWholePartnership)
 * and the roles named here (the board's, for figures without personal data) reach the handler.
 */
export const PartnershipWide = (...alsoRoles: Role[]) => SetMetadata(PARTNERSHIP_WIDE, alsoRoles);
