import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
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
    this.logger.error(exception);
    return {
      type: ProblemType.internal,
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The request could not be completed; it has been logged with its request id.',
    };
  }

  /** Body-parser errors (malformed JSON, oversize bodies) arrive as plain HttpExceptions. */
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
