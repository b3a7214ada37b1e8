import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { Role } from '@safeguard/domain';
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

/** Case roles that see every case of their partnerships, not only their own agency's. */
const PARTNERSHIP_WIDE_ROLES: Role[] = ['safeguarding-lead', 'head-of-service'];

export function seesWholePartnership(principal: Principal): boolean {
  return principal.roles.some((role) => PARTNERSHIP_WIDE_ROLES.includes(role));
}
