import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@safeguard/domain';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/problem';
import {
  ALLOWED_ROLES,
  PARTNERSHIP_WIDE,
  PUBLIC_ROUTE,
  seesWholePartnership,
} from './access-rules';
import { PrincipalService } from './principal.service';
import { TOKEN_VERIFIER, TokenVerifier } from './token-verifier';

/** Writes that can change who someone is to the API: people, agencies and partnerships. */
const DIRECTORY_WRITE = /^\/(people|agencies|partnerships)(\/|$)/;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place every request is authenticated and checked against the roles its route allows.
 * Which records a principal may see is decided in the queries of each use case, from the
 * principal this guard puts on the request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalService,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();

    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw this.unauthenticated(response, 'a bearer token is required');
    const verified = await this.verify(token).catch(() => undefined);
    if (!verified)
      throw this.unauthenticated(response, 'the bearer token is invalid or has expired');
    const { claims, issuer } = verified;
    const [email, subject] = [claims[issuer.emailClaim], claims[issuer.subjectClaim]];
    for (const [claim, value] of [
      [issuer.emailClaim, email],
      [issuer.subjectClaim, subject],
    ]) {
      if (typeof value !== 'string' || value === '') {
        throw this.unauthenticated(response, `the token has no ${claim} claim`);
      }
    }

    const principal = await this.principals.bySignIn(
      {
        issuer: issuer.issuer,
        subject: subject as string,
        email: email as string,
        bindsSubject: issuer.bindsSubject,
      },
      String(request.id),
    );
    if (!principal)
      throw ProblemException.forbidden('you are not an active person in the directory');
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !principal.roles.some((role) => allowed.includes(role))) {
      throw ProblemException.forbidden(`this needs one of the roles: ${allowed.join(', ')}`);
    }
    const wide = this.reflector.getAllAndOverride<Role[] | undefined>(PARTNERSHIP_WIDE, targets);
    if (
      wide &&
      !seesWholePartnership(principal) &&
      !principal.roles.some((r) => wide.includes(r))
    ) {
      const others = wide.length > 0 ? `, and for: ${wide.join(', ')}` : '';
      throw ProblemException.forbidden(
        `this is for the leading local authority's safeguarding leads and heads of service${others}`,
      );
    }
    request.principal = principal;
    if (!READS.has(request.method) && DIRECTORY_WRITE.test(request.path)) {
      // Principals are cached for a few seconds (PrincipalService); once a directory change has
      // been answered, this process looks everyone up afresh, so the caller's next request
      // already sees it.
      response.once('finish', () => this.principals.forgetAll());
    }
    return true;
  }

  private unauthenticated(response: Response, detail: string): ProblemException {
    response.setHeader('WWW-Authenticate', 'Bearer');
    return ProblemException.unauthenticated(detail);
  }
}
