import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Mailer } from '../mail/mailer';

/**
 * What the worker gives its activities: one deps type for every activity group. Each group's
 * factory takes the part of it it uses (`Pick<ActivityDeps, …>`), so a test builds only that.
 */
export interface ActivityDeps {
  dataSource: DataSource;
  mailer: Mailer;
  /** The web service's address: every "Open …" link and action link goes to its page. */
  publicWebUrl: string;
  /** Signs the links that let a recipient act from the email without signing in. */
  actionLinkSecret: Uint8Array;
  log: Logger;
}
