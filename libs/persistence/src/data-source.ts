import { DataSource, DataSourceOptions } from 'typeorm';
import { ActionEntity } from './entities/action.entity';
import { ActionNoteEntity } from './entities/action-note.entity';
import { AgencyEntity } from './entities/agency.entity';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { ChronologyEntryEntity } from './entities/chronology-entry.entity';
import {
  AdultEntity,
  EnquiryDelegationEntity,
  EnquiryEntity,
  EnquiryRecordEntity,
} from './entities/enquiry.entity';
import { DisagreementEntity, DisagreementRecordEntity } from './entities/disagreement.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import {
  MeetingAttendeeEntity,
  MeetingCirculationEntity,
  MeetingDecisionEntity,
  MeetingEntity,
  MeetingOtherViewEntity,
  MeetingRiskEntity,
} from './entities/meeting.entity';
import { PartnershipEntity } from './entities/partnership.entity';
import { PersonEntity } from './entities/person.entity';
import { PolicyVersionEntity } from './entities/policy-version.entity';
import { Foundation1763750000000 } from './migrations/1763750000000-foundation';
import { DirectoryAndPolicies1763800000000 } from './migrations/1763800000000-directory-and-policies';
import { ActionPolicyPin1763850000000 } from './migrations/1763850000000-action-policy-pin';
import { TamperEvidentChronology1763900000000 } from './migrations/1763900000000-tamper-evident-chronology';
import { IdempotencyKeys1763950000000 } from './migrations/1763950000000-idempotency-keys';
import { NotificationFailures1764000000000 } from './migrations/1764000000000-notification-failures';
import { CalendarFeeds1764050000000 } from './migrations/1764050000000-calendar-feeds';
import { UrgentActions1764100000000 } from './migrations/1764100000000-urgent-actions';
import { NotificationPreferences1764200000000 } from './migrations/1764200000000-notification-preferences';
import { ActionLinkUses1764150000000 } from './migrations/1764150000000-action-link-uses';
import { MeetingFollowUp1764250000000 } from './migrations/1764250000000-meeting-follow-up';
import { Section42Enquiries1764300000000 } from './migrations/1764300000000-section-42-enquiries';
import { ProfessionalDisagreements1764350000000 } from './migrations/1764350000000-professional-disagreements';
import { IdentityBinding1764400000000 } from './migrations/1764400000000-identity-binding';
import { AppendOnlyTruncate1764450000000 } from './migrations/1764450000000-append-only-truncate';
import { AuditCheckpoints1764500000000 } from './migrations/1764500000000-audit-checkpoints';
import { WebSessions1764550000000 } from './migrations/1764550000000-web-sessions';
import { MeetingRecord1764600000000 } from './migrations/1764600000000-meeting-record';
import { SharingConsent1764650000000 } from './migrations/1764650000000-sharing-consent';
import { grantApplicationAccess } from './database-access';

export const entities = [
  PartnershipEntity,
  AgencyEntity,
  PersonEntity,
  PolicyVersionEntity,
  ActionEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ChronologyEntryEntity,
  CalendarFeedEntity,
  MeetingEntity,
  MeetingAttendeeEntity,
  MeetingDecisionEntity,
  MeetingOtherViewEntity,
  MeetingRiskEntity,
  MeetingCirculationEntity,
  ActionNoteEntity,
  AdultEntity,
  EnquiryEntity,
  EnquiryDelegationEntity,
  EnquiryRecordEntity,
  DisagreementEntity,
  DisagreementRecordEntity,
];
export const migrations = [
  Foundation1763750000000,
  DirectoryAndPolicies1763800000000,
  ActionPolicyPin1763850000000,
  TamperEvidentChronology1763900000000,
  IdempotencyKeys1763950000000,
  NotificationFailures1764000000000,
  CalendarFeeds1764050000000,
  UrgentActions1764100000000,
  ActionLinkUses1764150000000,
  NotificationPreferences1764200000000,
  MeetingFollowUp1764250000000,
  Section42Enquiries1764300000000,
  ProfessionalDisagreements1764350000000,
  IdentityBinding1764400000000,
  AppendOnlyTruncate1764450000000,
  AuditCheckpoints1764500000000,
  WebSessions1764550000000,
  MeetingRecord1764600000000,
  SharingConsent1764650000000,
];

/** One definition of how every process (API, worker, tools) talks to Postgres. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  };
}

const MIGRATION_LOCK_ID = 4242_0001;

/**
 * Applies pending migrations, as the role that owns the tables, then grants the application role
 * its rights on them (database-access.ts). Run before a release's API and worker start (npm run
 * migrate); an advisory lock makes a second run wait, after which it finds nothing pending.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(databaseUrl),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations();
    await grantApplicationAccess(dataSource.manager);
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
