import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Gives each request its id, as `request.id` (where the logger and every problem+json body find
 * it) and in the response's x-request-id: the caller's own id when it sends a usable one, so one
 * id follows a request across services, else a new one. It must be the first middleware, since
 * the body parser runs before Nest's own, and a body it refuses is answered with the id too.
 */
export function assignRequestId(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id =
    typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}
