import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AgencyType, Role } from '@safeguard/domain';
import { ProblemException } from '../common/problem';

/** The authenticated professional behind a request, as the directory knows them. */
export interface Principal {
  personId: string;
  agencyId: string;
  /** What kind of organisation the person's agency is: it bounds what their roles reach. */
  agencyType: AgencyType;
  roles: Role[];
  /** The partnerships of the person's agency: the limit of everything they may see. */
  partnershipIds: string[];
  /** The request this principal acts in, so the audit trail links each entry to the logs. */
  requestId: string;
}

/** Who did something, in the audit trail's terms. */
export function auditedBy(principal: Principal): {
  actor: { personId: string; agencyId: string; role: string };
  requestId: string;
} {
  return {
    actor: {
      personId: principal.personId,
      agencyId: principal.agencyId,
      role: principal.roles.join(','),
    },
    requestId: principal.requestId,
  };
}

declare module 'express' {
  interface Request {
    principal?: Principal;
  }
}

/** Injects the request's principal; the access guard guarantees one on non-public routes. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const principal = context.switchToHttp().getRequest().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
    return principal as Principal;
  },
);

/** Said of a partnership a caller names that is not one of theirs, or has no policy yet. */
export const NO_SUCH_PARTNERSHIP = 'no partnership with this id';

/**
 * A command or query names one of the caller's own partnerships (their agency's), or is refused
 * as naming none at all (422 naming the field): another partnership's existence is not told.
 */
export function assertOwnPartnership(principal: Principal, partnershipId: string): void {
  if (!principal.partnershipIds.includes(partnershipId)) {
    throw ProblemException.unprocessable('partnershipId', NO_SUCH_PARTNERSHIP);
  }
}
