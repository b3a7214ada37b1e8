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
import { ProblemDetails, ProblemException, ProblemType } from './problem';

/** Turns every error into application/problem+json; unexpected ones never leak their message. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem: ProblemDetails = {
      ...this.toProblem(exception),
      instance: request.originalUrl,
      requestId: String(request.id ?? ''),
    };
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        type: status === HttpStatus.NOT_FOUND ? ProblemType.notFound : 'about:blank',
        title: exception.message,
        status,
        detail: this.httpDetail(exception),
      };
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
    return {
      type: 'about:blank',
      title: typeof error.message === 'string' ? error.message : 'Bad request',
      status: error.status,
    };
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
