import { decodeJwt } from 'jose';
import { Client } from 'pg';
import { identityUrl, stackAppEnv, webClient } from './support/e2e-env';
import { createPerson, get, patch, post, postAction } from './support/http';
import {
  Callback,
  isPage,
  type Page,
  ProviderSignIn,
  providerMetadata,
  signInAtProvider,
} from './support/identity-provider';

/**
 * The dev stack's OpenID Connect provider, driven as the web app and a browser would over plain
 * HTTP: the authorization code flow with PKCE, its development sign-in page, sign-out; and the
 * API accepting its access tokens through its JWKS, as it will Entra ID's.
 */
describe('the development identity provider', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  const chooserFor = async (signIn = new ProviderSignIn()): Promise<Page> => {
    const page = await signIn.start();
    if (!isPage(page)) throw new Error(`went straight back to ${page.url}`);
    return page;
  };
  const signedInAt = async (signIn: ProviderSignIn, personId: string): Promise<Callback> => {
    const callback = await signIn.choose(await chooserFor(signIn), personId);
    if (isPage(callback)) throw new Error(`stopped at ${callback.url}: ${callback.html}`);
    return callback;
  };

  it('signs a person of the directory in with a PKCE code, and the API takes its token as theirs', async () => {
    const person = await createPerson('Provider Person');
    const action = (await postAction(person)).body;
    const signIn = new ProviderSignIn();

    const callback = await signedInAt(signIn, person.id);
    expect(callback.url.startsWith(`${webClient().redirectUri}?`)).toBe(true);
    const tokens = await signIn.exchange(callback);

    expect(tokens.token_type).toBe('Bearer');
    expect(decodeJwt(tokens.access_token)).toMatchObject({
      iss: identityUrl(),
      aud: 'safeguarding-api',
      sub: person.id,
      email: person.email,
      client_id: webClient().id,
    });
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      iss: identityUrl(),
      aud: webClient().id,
      sub: person.id,
      email: person.email,
      name: 'Provider Person',
    });
    const mine = await get('/me/actions', tokens.access_token);
    expect(mine.status).toBe(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toEqual([action.id]);
  });

  it('refuses its token once tampered with (401), and for someone the directory does not know (403)', async () => {
    const person = await createPerson('Renamed Person');
    const { access_token: token } = await signInAtProvider(person.id);

    const [header, payload, signature] = token.split('.');
    const claims = { ...decodeJwt(token), sub: '00000000-0000-0000-0000-000000000000' };
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature];
    expect(payload).not.toBe(tampered[1]);
    expect((await get('/me/actions', tampered.join('.'))).status).toBe(401);

    // Before the token is first used, the directory gives the person another address: the
    // token's email now finds nobody.
    expect((await patch(`/people/${person.id}`, { email: `new.${person.email}` })).status).toBe(
      200,
    );
    const refused = await get('/me/actions', token);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('not an active person in the directory');
  });

  it('lists the active people of the directory by name and email, and nothing more', async () => {
    const listed = await createPerson('Listed <Person>');
    const gone = await createPerson('Departed Person');
    expect((await post(`/people/${gone.id}/deactivate`)).status).toBe(200);

    const page = await chooserFor();
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Choose who to sign in as – Development sign-in</title>');
    expect(page.html).toContain('Development sign-in only.');
    expect(page.html).not.toMatch(/<script|\sstyle=/i);
    expect(page.html).toContain(
      `<button name="accountId" value="${listed.id}">Listed &lt;Person&gt; (${listed.email})</button>`,
    );
    expect(page.html).not.toContain(gone.id);

    // Each button is exactly its person's name and email; no other personal data is shown.
    const buttons = [...page.html.matchAll(/<button name="accountId" value="([^"]+)">([^<]*)</g)];
    const { rows } = await db.query(
      `SELECT id, display_name, email FROM people WHERE id = ANY($1) AND active`,
      [buttons.map(([, id]) => id)],
    );
    const shown = new Map(rows.map((r) => [r.id, `${r.display_name} (${r.email})`]));
    for (const [, id, text] of buttons) {
      expect(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(shown.get(id));
    }
    expect(page.html.replace(/<button[^>]*>[^<]*<\/button>/g, '')).not.toContain('@');
  });

  it('answers 400 for someone who is not an active person of the directory', async () => {
    const gone = await createPerson('Gone Before Sign-in');
    const signIn = new ProviderSignIn();
    const chooser = await chooserFor(signIn);
    expect((await post(`/people/${gone.id}/deactivate`)).status).toBe(200);

    for (const accountId of [gone.id, 'not-a-person']) {
      const page = await signIn.choose(chooser, accountId);
      expect(isPage(page) && page.status).toBe(400);
      expect(isPage(page) && page.html).toContain('not in the directory');
    }
  });

  it('requires PKCE with S256', async () => {
    expect((await providerMetadata()).code_challenge_methods_supported).toEqual(['S256']);
    const withoutPkce = await new ProviderSignIn().start({
      code_challenge: '',
      code_challenge_method: '',
    });
    expect(withoutPkce).toBeInstanceOf(Callback);
    expect((withoutPkce as Callback).params.get('error')).toBe('invalid_request');
    expect((withoutPkce as Callback).params.get('error_description')).toContain('PKCE');
  });

  it('keeps the person signed in until the web app signs them out there', async () => {
    const person = await createPerson('Signing Out');
    const signIn = new ProviderSignIn();
    const { id_token: idToken } = await signIn.exchange(await signedInAt(signIn, person.id));

    // Signed in at the provider: the next sign-in goes straight back with a code.
    expect(await signIn.start()).toBeInstanceOf(Callback);

    const logoutUrl = new URL((await providerMetadata()).end_session_endpoint);
    logoutUrl.search = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: webClient().postLogoutRedirectUri,
      client_id: webClient().id,
    }).toString();
    const confirm = await signIn.browse(logoutUrl.href);
    if (!isPage(confirm)) throw new Error(`no confirmation, went to ${confirm.url}`);
    expect(confirm.html).not.toMatch(/<script|\sstyle=/i);
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(confirm.html);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form?.[2] ?? '')?.[1];
    if (!form || !xsrf) throw new Error(`no sign-out form in ${confirm.html}`);
    const signedOut = await signIn.browse(
      new URL(form[1], confirm.url).href,
      new URLSearchParams({ xsrf, logout: 'yes' }),
    );
    expect(signedOut).toBeInstanceOf(Callback);
    expect((signedOut as Callback).url).toBe(webClient().postLogoutRedirectUri);

    // Signed out there too: whoever signs in next chooses again.
    expect(isPage(await signIn.start())).toBe(true);
  });
});
