import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  appendChronology,
  DIRECTORY_CHAIN,
  NotificationPreferenceEntity,
  type ReminderDelivery,
} from '@safeguard/persistence';
import { DataSource } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';

@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal): Promise<ReminderDelivery> {
    const row = await this.dataSource.manager.findOneBy(NotificationPreferenceEntity, {
      personId: principal.personId,
    });
    return row?.delivery ?? 'immediate';
  }

  async set(principal: Principal, delivery: ReminderDelivery): Promise<ReminderDelivery> {
    await this.dataSource.transaction(async (db) => {
      await db.upsert(
        NotificationPreferenceEntity,
        { personId: principal.personId, delivery, updatedAt: new Date() },
        ['personId'],
      );
      await appendChronology(db, {
        subjectType: 'person',
        subjectId: principal.personId,
        event: 'person.notification-preferences-changed',
        chain: DIRECTORY_CHAIN,
        detail: { delivery },
        ...auditedBy(principal),
      });
    });
    return delivery;
  }
}
