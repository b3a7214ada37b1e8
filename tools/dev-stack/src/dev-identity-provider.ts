import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Interaction, InteractionResults } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { Pool } from 'pg';

/**
 * The dev stack's OpenID Connect provider (panva oidc-provider), for development and tests only:
 * production signs people in with Microsoft Entra ID, and nothing in its configuration starts
 * this. Its accounts are the directory's active people, and its sign-in page lets you choose who
 * you are. The API accepts its tokens through its JWKS exactly as it accepts Entra ID's.
 *
 * startStack runs it as a process of its own: oidc-provider is an ES module only, which jest
 * (running the e2e global setup that starts the stack) cannot load.
 *
 * Sessions, grants and codes live in memory, so a restart signs everyone out; its signing key
 * is made at start-up, and the API fetches the new one by its key id.
 */

interface Settings {
  port: number;
  issuer: string;
  databaseUrl: string;
  /** oidc-provider client metadata: client_id, client_secret, redirect_uris, … */
  clients: object[];
  /** The `aud` of its access tokens: the API's AUTH_AUDIENCE. */
  apiAudience: string;
  /** Sign its cookies; the first signs, all verify. */
  cookieKeys: string[];
}

interface Person {
  id: string;
  email: string;
  displayName: string;
}

/**
 * The resource indicator (RFC 8707, an absolute URI) that stands for the API. Clients need not
 * name it: it is every authorization's default, as Entra ID issues an access token for the API
 * whose scope the web app asks for.
 */
const API_RESOURCE = 'urn:safeguarding:api';
const SCOPE = 'openid email profile';
const STYLESHEET_PATH = '/dev-sign-in.css';
const HOUR = 3600;

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    port: Number(required('IDP_PORT')),
    issuer: required('IDP_ISSUER'),
    databaseUrl: required('IDP_DATABASE_URL'),
    clients: JSON.parse(required('IDP_CLIENTS')),
    apiAudience: env.IDP_API_AUDIENCE?.trim() || 'safeguarding-api',
    cookieKeys: required('IDP_COOKIE_KEYS').split(','),
  };
}

/** The directory, read afresh on every request: people added while it runs can sign in. */
class Directory {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
  }

  async activePeople(): Promise<Person[]> {
    const { rows } = await this.pool.query<Person>(
      `SELECT id, email, display_name AS "displayName" FROM people WHERE active
        ORDER BY display_name, email`,
    );
    return rows;
  }

  async activePerson(id: string): Promise<Person | undefined> {
    // Compared as text, so that an id that is no UUID finds nobody rather than failing.
    const { rows } = await this.pool.query<Person>(
      `SELECT id, email, display_name AS "displayName" FROM people WHERE id::text = $1 AND active`,
      [id],
    );
    return rows[0];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** What a page rendered by oidc-provider itself writes to (its Koa context). */
interface PageContext {
  type: string;
  body: string;
}

function configuration(
  settings: Settings,
  directory: Directory,
  errors: typeof import('oidc-provider').errors,
) {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  return {
    clients: settings.clients,
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // The authorization code flow only: no tokens straight from the authorization endpoint.
    responseTypes: ['code'],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: settings.cookieKeys },
    scopes: SCOPE.split(' '),
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    async findAccount(_ctx: unknown, id: string) {
      const person = await directory.activePerson(id);
      return (
        person && {
          accountId: person.id,
          claims: async () => ({ sub: person.id, email: person.email, name: person.displayName }),
        }
      );
    },
    // The API finds the person by the access token's email at their first sign-in (as it does
    // with Entra ID's), so the token carries it.
    async extraTokenClaims(_ctx: unknown, token: { kind: string; accountId?: string }) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const person = await directory.activePerson(token.accountId);
      return person && { email: person.email };
    },
    pkce: { required: () => true },
    ttl: {
      Session: 10 * HOUR,
      Grant: 10 * HOUR,
      Interaction: HOUR,
      AuthorizationCode: 60,
      AccessToken: HOUR,
      IdToken: HOUR,
    },
    features: {
      // Its own pages (below) replace the library's demonstration ones.
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        // The token request names no resource either: the code's (the API) is the one.
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx: unknown, indicator: string) {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: SCOPE,
            audience: settings.apiAudience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: HOUR,
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx: PageContext, form: string) {
          render(
            ctx,
            'Sign out',
            `<h1>Sign out of the development sign-in?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
          );
        },
        postLogoutSuccessSource(ctx: PageContext) {
          render(ctx, 'Signed out', '<h1>You have signed out of the development sign-in</h1>');
        },
      },
    },
    renderError(ctx: PageContext, out: { error?: string; error_description?: string }) {
      render(
        ctx,
        'Something went wrong',
        `<h1>Something went wrong</h1>
<p>${escapeHtml(out.error ?? 'error')}: ${escapeHtml(out.error_description ?? '')}</p>`,
      );
    },
  };
}

/** GET /interaction/:uid and POST /interaction/:uid/login: who are you? */
async function interact(
  provider: Provider,
  directory: Directory,
  request: IncomingMessage,
  response: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  if (interaction.uid !== uid) {
    return send(response, 400, 'Sign-in expired', expiredSignIn);
  }
  if (request.method === 'GET' && interaction.prompt.name === 'login' && !action) {
    return send(
      response,
      200,
      'Choose who to sign in as',
      chooser(uid, await directory.activePeople()),
    );
  }
  if (request.method === 'GET' && interaction.prompt.name === 'consent' && !action) {
    const result = { consent: { grantId: await grantAll(provider, interaction) } };
    return provider.interactionFinished(request, response, result);
  }
  if (request.method === 'POST' && action === 'login') {
    const accountId = new URLSearchParams(await readBody(request)).get('accountId') ?? '';
    const person = await directory.activePerson(accountId);
    if (!person) {
      return send(response, 400, 'Not in the directory', notInDirectory(uid));
    }
    // The person's id only: no names or emails in logs.
    console.log(
      JSON.stringify({ time: new Date().toISOString(), msg: 'signed in', personId: person.id }),
    );
    const result: InteractionResults = { login: { accountId: person.id } };
    return provider.interactionFinished(request, response, result, {
      mergeWithLastSubmission: false,
    });
  }
  return send(response, 404, 'Not found', '<h1>Page not found</h1>');
}

/**
 * No consent screen: the only clients are the stack's own apps, so whatever they asked for is
 * granted, as an organisation's administrator consents once for all its people in Entra ID.
 */
async function grantAll(provider: Provider, interaction: Interaction): Promise<string> {
  const { prompt, params, session, grantId } = interaction;
  if (!session) throw new Error('consent is asked only of someone signed in');
  const grant =
    (grantId && (await provider.Grant.find(grantId))) ||
    new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return grant.save();
}

function chooser(uid: string, people: Person[]): string {
  const list = people.length
    ? `<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<ul class="people">
${people
  .map(
    (person) =>
      `<li><button name="accountId" value="${escapeHtml(person.id)}">${escapeHtml(person.displayName)} (${escapeHtml(person.email)})</button></li>`,
  )
  .join('\n')}
</ul>
</form>`
    : '<p>Nobody in the directory is active yet. Add people through the API, then reload this page.</p>';
  return `<h1>Choose who to sign in as</h1>
<p>Everyone active in the directory, by name. You will act as the person you choose, with their roles.</p>
${list}`;
}

const expiredSignIn = `<h1>This sign-in has expired</h1>
<p>Go back to the service and sign in again.</p>`;

const notInDirectory = (uid: string) => `<h1>That person is not in the directory</h1>
<p>They are not an active person of the directory (any more).
<a href="/interaction/${escapeHtml(uid)}">Choose someone else</a>.</p>`;

/** Every page, with the warning that says what this is. */
function page(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Development sign-in</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header>
<p><strong>Development sign-in only.</strong> Anyone can sign in here as anyone in the directory,
without a password. It runs in the development stack and the tests, never in production, where
people sign in with their organisation's account.</p>
</header>
<main>
${content}
</main>
</body>
</html>
`;
}

const stylesheet = `body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; }
header { border: 4px solid #d4351c; padding: 0 1rem; }
ul.people { list-style: none; padding: 0; }
button { font: inherit; width: 100%; text-align: left; padding: 0.5rem; margin: 0.25rem 0; cursor: pointer; }
button:focus { outline: 3px solid #fd0; }
`;

function send(response: ServerResponse, status: number, title: string, content: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page(title, content));
}

function render(ctx: PageContext, title: string, content: string): void {
  ctx.type = 'html';
  ctx.body = page(title, content);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? '',
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) throw new Error('request body too large');
  }
  return body;
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const directory = new Directory(settings.databaseUrl);
  // Compiled to CommonJS, this stays a dynamic import(), which can load an ES module.
  const { default: Provider, errors } = await import('oidc-provider');
  const provider = new Provider(settings.issuer, configuration(settings, directory, errors));
  const handleOidc = provider.callback();

  const server = createServer((request, response) => {
    // Its pages run no script and load nothing but their stylesheet, and are never framed.
    response.setHeader(
      'content-security-policy',
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    const path = new URL(request.url ?? '/', settings.issuer).pathname;
    if (path === STYLESHEET_PATH) {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      response.end(stylesheet);
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(path);
    if (!interaction) return handleOidc(request, response);
    interact(provider, directory, request, response, interaction[1], interaction[2]).catch(
      (error: { statusCode?: number }) => {
        // oidc-provider's own errors (the interaction expired or is unknown) are the browser's
        // to see; anything else stays in the log.
        if (error.statusCode && error.statusCode < 500) {
          send(response, error.statusCode, 'Sign-in expired', expiredSignIn);
        } else {
          console.error(error);
          send(response, 500, 'Something went wrong', '<h1>Something went wrong</h1>');
        }
      },
    );
  });
  server.listen(settings.port, '127.0.0.1', () =>
    console.log(
      JSON.stringify({ time: new Date().toISOString(), msg: 'listening', issuer: settings.issuer }),
    ),
  );

  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    directory.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
