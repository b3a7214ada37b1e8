import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionStatus } from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  CalendarFeedEntity,
  DIRECTORY_CHAIN,
} from '@safeguard/persistence';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { Deadline, deadlineCalendar } from './deadline-calendar';
import { CalendarFeedView } from './dto/calendar-feed.view';
import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

interface FeedOwner {
  id: string;
  agency_id: string;
  roles: string[];
}

/** Each person's own deadlines as a calendar feed; the feed is only ever the caller's. */
@Injectable()
export class CalendarFeedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new token replaces any previous one in the same row, so the old URL dies at commit. */
  async rotate(principal: Principal, baseUrl: string): Promise<CalendarFeedView> {
    const token = newFeedToken();
    const createdAt = new Date();
    await this.dataSource.transaction(async (db) => {
      // xmax is 0 on a row this statement inserted and set on one its conflict clause updated.
      const [{ created }] = await db.query(
        `INSERT INTO calendar_feeds (person_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (person_id)
         DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
         RETURNING (xmax = 0) AS created`,
        [principal.personId, feedTokenHash(token), createdAt],
      );
      await this.record(db, principal, created ? 'calendar-feed.created' : 'calendar-feed.rotated');
    });
    return { url: `${baseUrl}/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
  }

  /** Revoking a feed that does not exist is not an error: the outcome is the same. */
  async revoke(principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const { affected } = await db.delete(CalendarFeedEntity, { personId: principal.personId });
      if (affected) await this.record(db, principal, 'calendar-feed.revoked');
    });
  }

  /**
   * The feed behind a token, for its active owner. Every way of not finding one (malformed,
   * unknown, revoked, owner deactivated) is the same 404, so a response says nothing about a
   * token. A fetch reads case records, so it is recorded as a read by the feed's owner.
   */
  async calendar(token: string, requestId: string, baseUrl: string): Promise<string> {
    if (!isFeedToken(token)) throw ProblemException.notFound('calendar feed');
    const deadlines = await this.dataSource.transaction(async (db) => {
      const [owner]: FeedOwner[] = await db.query(
        `SELECT p.id, p.agency_id, p.roles
           FROM calendar_feeds f JOIN people p ON p.id = f.person_id
          WHERE f.token_hash = $1 AND p.active`,
        [feedTokenHash(token)],
      );
      if (!owner) throw ProblemException.notFound('calendar feed');
      const open: Deadline[] = await db.find(ActionEntity, {
        select: { id: true, reference: true, dueAt: true },
        where: { ownerId: owner.id, status: Not(In<ActionStatus>(['completed', 'cancelled'])) },
        order: { dueAt: 'ASC', id: 'ASC' },
      });
      await appendChronology(db, {
        subjectType: 'person',
        subjectId: owner.id,
        event: 'calendar-feed.read',
        kind: 'read',
        chain: DIRECTORY_CHAIN,
        actor: { personId: owner.id, agencyId: owner.agency_id, role: owner.roles.join(',') },
        requestId,
        detail: { actions: open.length },
      });
      return open;
    });
    return deadlineCalendar(deadlines, baseUrl, new Date());
  }

  private record(db: EntityManager, principal: Principal, event: string): Promise<void> {
    return appendChronology(db, {
      subjectType: 'person',
      subjectId: principal.personId,
      event,
      chain: DIRECTORY_CHAIN,
      ...auditedBy(principal),
    });
  }
}
