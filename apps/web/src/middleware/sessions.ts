import connectPgSimple from 'connect-pg-simple';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { Pool } from 'pg';
import { servedOverHttps, type WebConfig } from '../config';
import { SESSION_COOKIE } from './authentication';

/**
 * Server-side sessions in Postgres (`web_sessions`), so any replica of the web app serves any
 * request. The cookie holds only the signed session id: httpOnly, SameSite=Lax, Secure outside
 * a developer's machine. Idle for 30 minutes, the session ends (each request starts the count
 * again); 10 hours after sign-in it ends whatever (see Authentication.requireSignIn).
 */
export function sessions(config: WebConfig): {
  middleware: RequestHandler;
  close(): Promise<void>;
} {
  const pool = new Pool({ connectionString: config.session.databaseUrl, max: 5 });
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'web_sessions',
    createTableIfMissing: false,
    ttl: config.session.idleMs / 1000,
    pruneSessionInterval: 15 * 60,
  });
  const middleware = session({
    name: SESSION_COOKIE(config),
    secret: config.session.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: servedOverHttps(config),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: servedOverHttps(config),
      maxAge: config.session.idleMs,
      path: '/',
    },
  });
  return {
    // express-session's handler type, seen from the shared type-check's module resolution,
    // differs from Express's own; at run time they are the same function.
    middleware: middleware as unknown as RequestHandler,
    close: async () => {
      store.close();
      await pool.end();
    },
  };
}
