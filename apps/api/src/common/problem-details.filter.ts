import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggableError } from '@safeguard/platform';
import { ProblemDetails, ProblemException, problemForStatus, ProblemType } from './problem';

/** Turns every error into application/problem+json; unexpected ones never leak their message. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  /** @param methodsOn the methods the API answers on a path (common/api-document.ts). */
  constructor(private readonly methodsOn: (path: string) => string[]) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem: ProblemDetails = {
      ...this.toProblem(exception, request, response),
      instance: request.originalUrl,
      requestId: String(request.id ?? ''),
    };
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request, response: Response): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest's router answers 404 to a method it has no route for, even on a path it knows; that
      // is a 405, saying which methods are allowed (RFC 9110 §15.5.6).
      const allowed = status === HttpStatus.NOT_FOUND ? this.methodsOn(request.path) : [];
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        response.setHeader('Allow', allowed.join(', '));
        return problemForStatus(
          HttpStatus.METHOD_NOT_ALLOWED,
          `${request.method} is not allowed on ${request.path}; ${allowed.join(', ')} are`,
        );
      }
      return problemForStatus(status, this.httpDetail(exception));
    }
    const clientError = this.clientErrorFromMiddleware(exception);
    if (clientError) return clientError;
    this.logger.error({ err: loggableError(exception) }, 'unexpected error');
    return {
      type: ProblemType.internal,
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The request could not be completed; it has been logged with its request id.',
    };
  }

  /**
   * Express middleware (body-parser) raises http-errors objects: a status and `expose: true`
   * for client errors such as an oversized body. Their messages are safe to show.
   */
  private clientErrorFromMiddleware(exception: unknown): ProblemDetails | undefined {
    const error = exception as { status?: unknown; expose?: unknown; message?: unknown };
    if (typeof error?.status !== 'number' || error.expose !== true) return undefined;
    if (error.status < 400 || error.status > 499) return undefined;
    return problemForStatus(
      error.status,
      typeof error.message === 'string' ? error.message : undefined,
    );
  }

  /** Nest's own exceptions (unknown route, malformed JSON) carry their detail in the response body. */
  private httpDetail(exception: HttpException): string | undefined {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : undefined;
  }
}
