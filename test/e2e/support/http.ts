import { apiUrl, mailWebUrl } from './e2e-env';

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  body: T;
}

export async function call<T = any>(
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    body: text && contentType.includes('json') ? JSON.parse(text) : text,
  };
}

export const get = <T = any>(path: string) => call<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => call<T>('POST', path, body);

export interface CaughtEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export async function caughtEmails(): Promise<CaughtEmail[]> {
  return (await fetch(`${mailWebUrl()}/api/messages`)).json() as Promise<CaughtEmail[]>;
}

/**
 * Polls the SMTP catcher until an email matches. This waits for real work crossing processes
 * (worker → SMTP), never for a workflow timer: timers are tested under time skipping.
 */
export async function waitForEmail(
  match: (email: CaughtEmail) => boolean,
  timeoutMs = 30_000,
): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await caughtEmails()).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no matching email arrived');
}

let counter = 0;
/** A person unique to this test run, so tests never collide on the unique email. */
export async function createPerson(
  displayName = 'Test Practitioner',
): Promise<{ id: string; email: string; displayName: string }> {
  counter += 1;
  const email = `practitioner-${Date.now()}-${process.pid}-${counter}@agency.example`;
  const response = await post('/people', { displayName, email });
  if (response.status !== 201)
    throw new Error(`could not create person: ${JSON.stringify(response.body)}`);
  return response.body;
}
