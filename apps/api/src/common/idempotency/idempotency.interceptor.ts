import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { ProblemException, ProblemType } from '../problem';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** 1 to 255 printable ASCII characters; Idempotent() documents it. */
export const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** A claim older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER = '5 minutes';

interface StoredClaim {
  request_hash: string;
  state: 'in-progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
}

/**
 * Makes a creating POST safe to retry. The same key with the same request returns the stored
 * result; with a different request, 422; while the first is still running, 409. Only successful
 * results are stored: a failed attempt releases the key so the client can try again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    return from(this.handle(key, request, response, next));
  }

  private async handle(
    key: string,
    request: Request,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    if (!KEY_FORMAT.test(key)) {
      throw ProblemException.invalid([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
      ]);
    }
    // Keys are per caller: another person's key can neither replay nor block this request.
    const caller = request.principal?.personId ?? 'anonymous';
    const scope = `${caller} ${request.method} ${request.baseUrl}${request.route?.path ?? request.path}`;
    const requestHash = fingerprint(request);
    const stored = await this.claim(scope, key, requestHash);
    if (stored) {
      response
        .status(stored.response_status ?? HttpStatus.OK)
        .setHeader('idempotent-replayed', 'true');
      return stored.response_body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.dataSource.query(
        `UPDATE idempotency_keys
            SET state = 'completed', response_status = $3, response_body = $4, completed_at = now()
          WHERE scope = $1 AND key = $2`,
        [scope, key, response.statusCode, JSON.stringify(body ?? null)],
      );
      return body;
    } catch (error) {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
        scope,
        key,
      ]);
      throw error;
    }
  }

  /** Returns the stored result to replay, or undefined once this request holds the key. */
  private async claim(
    scope: string,
    key: string,
    requestHash: string,
  ): Promise<StoredClaim | undefined> {
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, claimed_at)
       VALUES ($1, $2, $3, 'in-progress', now())
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, claimed_at = now()
         WHERE idempotency_keys.state = 'in-progress'
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.claimed_at < now() - interval '${ABANDONED_AFTER}'
       RETURNING key`,
      [scope, key, requestHash],
    );
    if (claimed.length > 0) return undefined;

    const [existing]: StoredClaim[] = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body
         FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!existing) return this.claim(scope, key, requestHash);
    if (existing.request_hash !== requestHash) {
      throw new ProblemException({
        type: ProblemType.validation,
        title: 'Idempotency-Key reused for a different request',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: 'This Idempotency-Key was first used with a different request body; use a new key.',
        errors: [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
      });
    }
    if (existing.state === 'in-progress') {
      throw new ProblemException({
        type: ProblemType.conflict,
        title: 'A request with this Idempotency-Key is still in progress',
        status: HttpStatus.CONFLICT,
        detail: 'Retry after the first request has finished to receive its result.',
      });
    }
    return existing;
  }
}

function fingerprint(request: Request): string {
  return createHash('sha256')
    .update(JSON.stringify([request.params, request.body ?? null]))
    .digest('hex');
}
