import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { ApiClient } from '../api/api-client';
import type { WebConfig } from '../config';

/** Who is signed in, as the session keeps them: the person's tokens never reach the browser. */
export interface SignedIn {
  accessToken: string;
  /** When the access token stops being accepted (ms since the epoch). */
  accessTokenExpiresAt: number;
  /** For signing out at the provider too. */
  idToken?: string;
  name: string;
  /**
   * The parts of the service they have a use for, as the API says at sign-in (GET /me): the
   * navigation follows them; every page still asks the API, which decides.
   */
  sections: string[];
  /** When they signed in (ms): the session ends 10 hours later whatever they do. */
  signedInAt: number;
}

/** A sign-in under way: what the callback must see again, and where to go afterwards. */
interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    signedIn?: SignedIn;
    pendingSignIn?: PendingSignIn;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set on every page behind requireSignIn. */
    user?: SignedIn;
  }
}

/**
 * OpenID Connect, authorization code flow with PKCE (openid-client). Development and tests use
 * the dev stack's provider (panva oidc-provider); production, Microsoft Entra ID (see
 * docs/architecture.md). The provider's metadata is fetched on first use and kept, so the web
 * app starts while the provider is down and recovers by itself when it is back.
 */
export class Authentication {
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    private readonly config: WebConfig,
    private readonly log: Logger,
  ) {}

  routes(): Router {
    const router = express.Router();
    router.get('/sign-in', (req, res, next) => this.signIn(req, res).catch(next));
    router.get('/auth/callback', (req, res, next) => this.callback(req, res).catch(next));
    router.post('/sign-out', (req, res, next) => this.signOut(req, res).catch(next));
    router.get('/signed-out', (_req, res) => res.render('pages/signed-out'));
    return router;
  }

  /**
   * Pages behind it need a signed-in person with a live token. Anyone else is sent to sign in
   * and brought back to the same page (for a GET) afterwards.
   */
  requireSignIn = (req: Request, res: Response, next: NextFunction): void => {
    const signedIn = req.session.signedIn;
    const now = Date.now();
    if (
      signedIn &&
      now < signedIn.accessTokenExpiresAt &&
      now < signedIn.signedInAt + this.config.session.absoluteMs
    ) {
      req.user = signedIn;
      res.locals.user = { name: signedIn.name, sections: signedIn.sections ?? ['casework'] };
      next();
      return;
    }
    const returnTo = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/');
    res.redirect(`/sign-in?returnTo=${encodeURIComponent(localPath(returnTo, this.config))}`);
  };

  private async signIn(req: Request, res: Response): Promise<void> {
    const configuration = await this.provider();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: localPath(String(req.query.returnTo ?? '/'), this.config),
    };
    req.session.pendingSignIn = pending;
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: `${this.config.publicWebUrl}/auth/callback`,
      scope: this.config.oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    req.session.save(() => res.redirect(url.href));
  }

  private async callback(req: Request, res: Response): Promise<void> {
    const pending = req.session.pendingSignIn;
    if (!pending) {
      // A callback with no sign-in under way here (a stale tab, a replayed URL): start afresh.
      res.redirect('/sign-in');
      return;
    }
    const configuration = await this.provider();
    const currentUrl = new URL(req.originalUrl, this.config.publicWebUrl);
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    const now = Date.now();
    // A new session id at sign-in, so an id planted before it is worth nothing after.
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((error) => (error ? reject(error) : resolve())),
    );
    req.session.signedIn = {
      accessToken: tokens.access_token,
      accessTokenExpiresAt: now + (tokens.expiresIn() ?? 300) * 1000,
      idToken: tokens.id_token,
      name: typeof claims?.name === 'string' ? claims.name : 'Signed in',
      sections: await this.sectionsOf(tokens.access_token, String(req.id ?? '')),
      signedInAt: now,
    };
    this.log.info({ subject: claims?.sub }, 'signed in');
    req.session.save(() => res.redirect(pending.returnTo));
  }

  /**
   * What the API says this person has a use for. If it cannot say (it is down), casework: the
   * pages say "no access" where the API refuses, and the next sign-in asks again.
   */
  private async sectionsOf(accessToken: string, requestId: string): Promise<string[]> {
    try {
      const me = await new ApiClient(this.config.apiUrl, accessToken, requestId).get<{
        sections: string[];
      }>('/me');
      return me.sections;
    } catch (error) {
      this.log.warn({ requestId, err: { type: (error as Error).name } }, 'no sections at sign-in');
      return ['casework'];
    }
  }

  /** Ends the session here, then at the provider, which comes back to /signed-out. */
  private async signOut(req: Request, res: Response): Promise<void> {
    const idToken = req.session.signedIn?.idToken;
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(SESSION_COOKIE(this.config));
    const configuration = await this.provider().catch(() => undefined);
    if (!configuration) {
      res.redirect('/signed-out');
      return;
    }
    const url = oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: `${this.config.publicWebUrl}/signed-out`,
      client_id: this.config.oidc.clientId,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
    res.redirect(url.href);
  }

  private provider(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.oidc.issuer),
        this.config.oidc.clientId,
        undefined,
        oidc.ClientSecretBasic(this.config.oidc.clientSecret),
        // Plain http only for a provider on this machine (the dev stack's).
        isLocal(this.config.oidc.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/** The session cookie's name: the __Host- prefix (Secure, no Domain, path /) wherever it can. */
export const SESSION_COOKIE = (config: WebConfig): string =>
  new URL(config.publicWebUrl).protocol === 'https:' ? '__Host-safeguarding' : 'safeguarding';

/** Only a path of this service: never an open redirect to somewhere else. */
function localPath(target: string, config: WebConfig): string {
  try {
    const url = new URL(target, config.publicWebUrl);
    if (url.origin !== new URL(config.publicWebUrl).origin) return '/';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

function isLocal(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}
