import {
  type CheckpointSigningKey,
  EnvReader,
  readCheckpointIntervalMs,
  readCheckpointSigningKey,
  readActionLinkSecret,
  readTemporalSettings,
  TemporalSettings,
} from '@safeguard/platform';

export interface WorkerConfig {
  temporal: TemporalSettings;
  databaseUrl: string;
  smtpUrl: string;
  mailFrom: string;
  /** The web service's address: every link in an email (pages, action links) points there. */
  publicWebUrl: string;
  /** Signs the action links in reminders; the API checks them with the same secret. */
  actionLinkSecret: Uint8Array;
  /** Signs the audit trail's checkpoints; the database never holds it. */
  auditCheckpoints: { signingKey: CheckpointSigningKey; intervalMs: number };
}

export function readWorkerConfig(environment: NodeJS.ProcessEnv): WorkerConfig {
  const env = new EnvReader(environment);
  const config: WorkerConfig = {
    temporal: readTemporalSettings(env),
    databaseUrl: env.url('DATABASE_URL', ['postgres', 'postgresql']),
    smtpUrl: env.url('SMTP_URL', ['smtp', 'smtps']),
    mailFrom: env.string('MAIL_FROM', 'Safeguarding reminders <no-reply@safeguarding.invalid>'),
    publicWebUrl: env
      .url('PUBLIC_WEB_URL', ['http', 'https'], 'http://localhost:3001')
      .replace(/\/$/, ''),
    actionLinkSecret: readActionLinkSecret(env),
    auditCheckpoints: {
      signingKey: readCheckpointSigningKey(env) as CheckpointSigningKey,
      intervalMs: readCheckpointIntervalMs(env),
    },
  };
  // Past this line the signing key is present: a missing or bad one is a problem reported here.
  env.assertValid();
  return config;
}
