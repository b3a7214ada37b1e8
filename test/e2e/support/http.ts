import { devToken } from '@safeguard/dev-stack';
import { adminToken, apiUrl, mailWebUrl } from './e2e-env';
import { E2E_WAIT_MS } from './waits';

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  body: T;
}

/** Calls the API as the e2e operator unless another bearer token (or none: null) is given. */
export async function call<T = any>(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = adminToken(),
): Promise<ApiResponse<T>> {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
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

export const get = <T = any>(path: string, token?: string | null) =>
  call<T>('GET', path, undefined, token);
export const post = <T = any>(path: string, body?: unknown, token?: string | null) =>
  call<T>('POST', path, body, token);

/** A POST that must succeed with this status: anything else fails the test with the problem. */
export async function postSucceeding<T = any>(
  path: string,
  body: unknown,
  token: string,
  status = 200,
): Promise<T> {
  const response = await post<T>(path, body, token);
  if (response.status !== status) {
    throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export interface CaughtEmail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
}

export async function caughtEmails(): Promise<CaughtEmail[]> {
  return (await fetch(`${mailWebUrl()}/api/messages`)).json() as Promise<CaughtEmail[]>;
}

/**
 * Polls the SMTP catcher until an email matches. This waits for real work crossing processes
 * (worker → SMTP), never for a workflow timer: timers are tested under time skipping. The default
 * wait is well inside the test's timeout, so a missing email is reported as one.
 */
export async function waitForEmail(
  match: (email: CaughtEmail) => boolean,
  timeoutMs = E2E_WAIT_MS,
): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await caughtEmails()).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no matching email arrived within ${timeoutMs / 1000} s`);
}

export const patch = <T = any>(path: string, body?: unknown, token?: string | null) =>
  call<T>('PATCH', path, body, token);

/** A token to act as someone in the directory. */
export const tokenFor = (email: string) => devToken(apiUrl(), email);

/** Unique per run and per jest worker, so parallel test files never collide on unique names. */
export function unique(label: string): string {
  return `${label} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function created<T = any>(path: string, body: unknown): Promise<T> {
  const response = await post<T>(path, body);
  if (response.status !== 201)
    throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createPartnership(
  nation = 'england-and-wales',
): Promise<{ id: string; name: string }> {
  return created('/partnerships', { name: unique('Test Safeguarding Board'), nation });
}

export async function createAgency(
  type = 'nhs-trust',
  partnershipIds?: string[],
): Promise<{ id: string; name: string; partnershipIds: string[] }> {
  const ids = partnershipIds ?? [(await createPartnership()).id];
  return created('/agencies', { name: unique('Test Agency'), type, partnershipIds: ids });
}

export interface TestPerson {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  lineManagerId: string | null;
}

/** A person unique to this test run, in a fresh agency unless one is given. */
export async function createPerson(
  displayName = 'Test Practitioner',
  fields: {
    agencyId?: string;
    roles?: string[];
    lineManagerId?: string;
    emailDomain?: string;
  } = {},
): Promise<TestPerson> {
  const { emailDomain = 'agency.example', ...rest } = fields;
  const agencyId = rest.agencyId ?? (await createAgency()).id;
  const email = `${unique('person').replace(/[^a-z0-9]+/gi, '.')}@${emailDomain}`.toLowerCase();
  return created('/people', { displayName, email, agencyId, roles: ['practitioner'], ...rest });
}

/** POST /actions for an owner, under the partnership of the owner's agency. */
export async function postAction(
  owner: TestPerson,
  fields: { title?: string; dueAt?: string; urgent?: boolean } = {},
): Promise<ApiResponse> {
  const agency = (await get(`/agencies/${owner.agencyId}`)).body;
  return post('/actions', {
    title: fields.title ?? 'Share the chronology with the enquiry manager',
    ownerId: owner.id,
    partnershipId: agency.partnershipIds[0],
    dueAt: fields.dueAt ?? new Date().toISOString(),
    ...(fields.urgent === undefined ? {} : { urgent: fields.urgent }),
  });
}
