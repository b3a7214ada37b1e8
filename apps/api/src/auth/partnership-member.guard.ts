import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../common/problem';

/**
 * For routes under /partnerships/:partnershipId: only members of that partnership get past, and
 * everyone else is told it does not exist, with no hint that it might.
 */
@Injectable()
export class PartnershipMemberGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const partnershipId = String(request.params.partnershipId);
    if (!request.principal?.partnershipIds.includes(partnershipId)) {
      throw ProblemException.notFound('partnership');
    }
    return true;
  }
}
