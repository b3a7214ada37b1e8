import { applyDecorators, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import {
  SkipThrottle,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { Response } from 'express';
import type { HttpLimits } from '../config/api-config';
import { ProblemException } from './problem';

const CREDENTIAL_ROUTE = 'safeguarding:credential-route';

/** How the OpenAPI document marks an operation no budget applies to. */
export const NOT_RATE_LIMITED = { extension: 'x-rate-limited', value: false } as const;

/**
 * Marks routes whose path is a credential, or that issue one (action links, calendar feeds,
 * dev tokens): guessing at them is the attack, so they get a budget of their own on top of the
 * client's budget for every route.
 */
export const CredentialRoute = (): ClassDecorator & MethodDecorator =>
  SetMetadata(CREDENTIAL_ROUTE, true);

/**
 * Exempts a controller from every budget: the orchestrator's probes, which a limit would take out
 * of service. Every other operation can answer 429; the document marks these
 * `x-rate-limited: false` and lists no 429 for them (common/api-document.ts).
 */
export const Unthrottled = (): ClassDecorator =>
  applyDecorators(SkipThrottle(), ApiExtension(NOT_RATE_LIMITED.extension, NOT_RATE_LIMITED.value));

function isCredentialRoute(context: ExecutionContext): boolean {
  return [context.getHandler(), context.getClass()].some(
    (target) => Reflect.getMetadata(CREDENTIAL_ROUTE, target) === true,
  );
}

/**
 * Budgets per client address, counted across every route together (not per route, which
 * multiplied the budget by the number of routes), per API instance: the counters are
 * deliberately ephemeral.
 */
export function rateLimits(limits: HttpLimits): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: limits.rateLimitPerMinute },
      {
        name: 'credential-routes',
        ttl: 60_000,
        limit: limits.credentialRateLimitPerMinute,
        skipIf: (context) => !isCredentialRoute(context),
        setHeaders: false,
      },
    ],
    generateKey: (_context, client, budget) => `${budget}:${client}`,
  };
}

/** The throttler, answering 429 as problem+json with a plain Retry-After whichever budget ran out. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw ProblemException.rateLimited(retryAfter);
  }
}
