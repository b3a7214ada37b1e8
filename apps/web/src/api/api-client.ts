/** One field the API refused, as its problem+json names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A refusal from the API (RFC 9457 problem details): the pages turn 404 into "Page not found",
 * 403 into "You do not have access", 400/409/422 into an error summary on the form, and
 * anything else into "Sorry, there is a problem with the service".
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** The problem's type URI: which refusal it is, where a page words each one differently. */
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[],
  ) {
    super(`${status} ${title}${detail ? `: ${detail}` : ''}`);
  }
}

/** The API said the token is no longer good: the person signs in again. */
export class SignInAgain extends Error {}

/**
 * The API as the signed-in person: every call carries their access token, so the API decides
 * what they may see and do, as for any other client. The web app keeps no rule of its own.
 * Without a token (action links, whose URL is the credential) it calls the public routes only.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: string | undefined,
    private readonly requestId: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  /** A CSV download, as the API names it (its Content-Disposition), to pass on to the browser. */
  async csv(path: string): Promise<{ text: string; disposition: string }> {
    const response = await this.fetch('GET', path, 'text/csv');
    const text = await response.text();
    if (!response.ok) throw problemOf(response, text);
    return { text, disposition: response.headers.get('content-disposition') ?? 'attachment' };
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetch(method, path, 'application/json', body);
    const text = await response.text();
    if (!response.ok) throw problemOf(response, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async fetch(
    method: string,
    path: string,
    accept: string,
    body?: unknown,
  ): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        accept,
        'x-request-id': this.requestId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status === 401) throw new SignInAgain();
    return response;
  }
}

/** The API's problem+json answer as an ApiProblem (or its bare status, if it sent none). */
function problemOf(response: Response, text: string): ApiProblem {
  let parsed: { type?: unknown; title?: string; detail?: string; errors?: unknown } | undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return new ApiProblem(
    response.status,
    typeof parsed?.type === 'string' ? parsed.type : 'about:blank',
    parsed?.title ?? response.statusText,
    parsed?.detail,
    Array.isArray(parsed?.errors) ? (parsed.errors as FieldProblem[]) : [],
  );
}
