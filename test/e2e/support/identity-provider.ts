import { createHash, randomBytes } from 'node:crypto';
import { identityUrl, webClient } from './e2e-env';

/** The cookies a browser would keep for the identity provider (one host, so no domains). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expires = attributes.find((a) => /^\s*expires=/i.test(a))?.split('=')[1];
      if (!value || (expires && Date.parse(expires) <= Date.now())) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The provider's discovery document: where its endpoints are and what it supports. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
}

export async function providerMetadata(): Promise<ProviderMetadata> {
  const response = await fetch(`${identityUrl()}/.well-known/openid-configuration`);
  return (await response.json()) as ProviderMetadata;
}

export interface ProviderTokens {
  access_token: string;
  id_token: string;
  token_type: string;
  expires_in: number;
}

export interface Page {
  url: string;
  status: number;
  html: string;
}

/**
 * The web app's side of the authorization code flow with PKCE, driven over plain HTTP as a
 * browser would (redirects followed, cookies kept) against the stack's identity provider. The
 * web app itself need not run: the code is read from the redirect to its callback.
 */
export class ProviderSignIn {
  readonly jar = new CookieJar();
  readonly verifier = randomBytes(32).toString('base64url');
  readonly state = randomBytes(16).toString('base64url');

  /** Asks to sign in; answers the page the browser lands on (the chooser, unless signed in). */
  async start(params: Record<string, string> = {}): Promise<Page | Callback> {
    const url = new URL((await providerMetadata()).authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: webClient().id,
      response_type: 'code',
      redirect_uri: webClient().redirectUri,
      scope: 'openid email profile',
      state: this.state,
      nonce: randomBytes(16).toString('base64url'),
      code_challenge: createHash('sha256').update(this.verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...params,
    }).toString();
    return this.browse(url.href);
  }

  /** Presses a person's button on the chooser. */
  choose(chooser: Page, accountId: string): Promise<Page | Callback> {
    const action = /<form method="post" action="([^"]+)"/.exec(chooser.html)?.[1];
    if (!action) throw new Error(`no sign-in form on ${chooser.url}`);
    return this.browse(new URL(action, chooser.url).href, new URLSearchParams({ accountId }));
  }

  /** The web app's callback: the code for tokens, with the PKCE verifier and its secret. */
  async exchange(callback: Callback): Promise<ProviderTokens> {
    if (callback.state !== this.state) throw new Error(`state ${callback.state}: not this sign-in`);
    const response = await fetch((await providerMetadata()).token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${webClient().id}:${webClient().secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.code,
        redirect_uri: webClient().redirectUri,
        code_verifier: this.verifier,
      }),
    });
    const body = (await response.json()) as ProviderTokens;
    if (!response.ok) throw new Error(`token request: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /**
   * GETs (or POSTs the form) and follows redirects until a page is shown or the provider sends
   * the browser back to the web app.
   */
  async browse(url: string, form?: URLSearchParams): Promise<Page | Callback> {
    let response = await this.request(url, form);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 10) throw new Error(`too many redirects from ${url}`);
      url = new URL(response.headers.get('location') ?? '', url).href;
      if (!url.startsWith(identityUrl())) return new Callback(url);
      response = await this.request(url);
    }
    return { url, status: response.status, html: await response.text() };
  }

  private async request(url: string, form?: URLSearchParams): Promise<Response> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: this.jar.header() },
      body: form,
      redirect: 'manual',
    });
    this.jar.keep(response);
    return response;
  }
}

/** Where the provider sent the browser back to, outside the provider. */
export class Callback {
  readonly params: URLSearchParams;

  constructor(readonly url: string) {
    this.params = new URL(url).searchParams;
  }

  get code(): string {
    const code = this.params.get('code');
    if (!code) throw new Error(`no code in ${this.url}`);
    return code;
  }

  get state(): string | null {
    return this.params.get('state');
  }
}

export function isPage(result: Page | Callback): result is Page {
  return !(result instanceof Callback);
}

/** Signs in at the provider as a person of the directory: their tokens. */
export async function signInAtProvider(personId: string): Promise<ProviderTokens> {
  const signIn = new ProviderSignIn();
  const chooser = await signIn.start();
  if (!isPage(chooser)) throw new Error('signed in already');
  const callback = await signIn.choose(chooser, personId);
  if (isPage(callback)) throw new Error(`sign-in stopped at ${callback.url}: ${callback.status}`);
  return signIn.exchange(callback);
}
