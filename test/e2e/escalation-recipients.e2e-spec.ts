import {
  ActionEntity,
  dataSourceOptions,
  NotificationEntity,
  type PersonEntity,
} from '@safeguard/persistence';
import { defaultPolicy, STAGE_OF_ITEM } from '@safeguard/domain';
import type { EnquiryActivities, ReminderRecipient } from '@safeguard/workflows';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource, Like } from 'typeorm';
import { createActionActivities } from '../../apps/worker/src/activities/action-activities';
import { createEnquiryActivities } from '../../apps/worker/src/activities/enquiry-activities';
import { resolveRecipients } from '../../apps/worker/src/activities/recipients';
import { createSmtpMailer, type Mailer } from '../../apps/worker/src/mail/mailer';
import { adminToken, stackAppEnv } from './support/e2e-env';
import { meetingRecordLedBy } from './support/meetings';
import { acknowledgedEnquiryRow } from './support/enquiry-rows';
import {
  caughtEmails,
  createAgency,
  createPartnership,
  createPerson,
  post,
  postAction,
  waitForEmail,
  type TestPerson,
} from './support/http';

const DAY = 24 * 3600 * 1000;

/**
 * Who each tier of the escalation ladder reaches, resolved by the worker's own code against the
 * stack's database. The directory is full of decoys, each one role or one filter away from being
 * right: safeguarding and designated leads of other agencies, heads of service of other agencies,
 * a council of another partnership, and leavers who still hold the right role. Every expectation
 * is the exact set of people, so one decoy let through (or one right person dropped) fails.
 */
describe('who escalations go to', () => {
  let dataSource: DataSource;
  let enquiries: EnquiryActivities;
  let mailer: Mailer;
  let partnershipId: string;
  const people: Record<string, TestPerson> = {};
  /** The e2e operator: a safeguarding lead of the council that is in every partnership it made. */
  let operator: { id: string; email: string };
  /** A plain action of the owner's, with no meeting or enquiry behind it. */
  let plainActionId: string;
  let meetingItemId: string;
  let itemOfChairWhoLeftId: string;

  const ids = (...keys: string[]) => keys.map((key) => people[key].id).sort();
  /** The council's active safeguarding leads, the operator included. */
  const localAuthorityLeads = () => [...ids('laLead', 'laLeadToo'), operator.id].sort();

  async function person(key: string, fields: Parameters<typeof createPerson>[1]) {
    people[key] = await createPerson(`Escalation ${key}`, fields);
  }

  async function deactivate(key: string) {
    const response = await post(`/people/${people[key].id}/deactivate`);
    if (response.status !== 200) {
      throw new Error(`deactivating ${key}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  /** An enquiry as it stands once acknowledged, with its manager named (or none yet). */
  const enquiryManagedBy = async (managerId: string | null): Promise<string> =>
    (
      await acknowledgedEnquiryRow(dataSource, {
        partnershipId,
        raisedById: people.laLead.id,
        enquiryManagerId: managerId,
      })
    ).enquiryId;

  /** A deadline of the enquiry, opened as its workflow opens one (no chaser runs for it here). */
  async function enquiryItem(enquiryId: string, ownerKey: string): Promise<string> {
    const actionId = randomUUID();
    await enquiries.openEnquiryItem({
      actionId,
      enquiryId,
      kind: 'enquiry-report',
      ownerId: people[ownerKey].id,
      dueAt: new Date(Date.now() + 20 * DAY).toISOString(),
      urgent: false,
    });
    return actionId;
  }

  async function recordMeeting(chairKey: string): Promise<string> {
    const response = await post('/meetings', {
      partnershipId,
      type: 'strategy-discussion',
      heldAt: new Date().toISOString(),
      chairId: people[chairKey].id,
      minuteTakerId: people.minuteTaker.id,
      attendees: [{ personId: people.owner.id, agencyId: people.owner.agencyId }],
      decisions: [],
      ...meetingRecordLedBy(people[chairKey].id),
      actions: [
        {
          title: 'Share the chronology',
          ownerId: people.owner.id,
          dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
          rationale: 'The enquiry needs it',
        },
      ],
    });
    if (response.status !== 201) {
      throw new Error(`POST /meetings: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body.items.find((item: { kind: string }) => item.kind === 'action').id;
  }

  async function resolve(actionId: string, addressee: ReminderRecipient) {
    const action = await dataSource.manager.findOneOrFail(ActionEntity, {
      where: { id: actionId },
      relations: { owner: true },
    });
    const resolved = await resolveRecipients(
      dataSource,
      action as ActionEntity & { owner: PersonEntity },
      addressee,
    );
    return { people: resolved.people.map((p) => p.id).sort(), rerouted: resolved.rerouted };
  }
  const whoGets = async (actionId: string, addressee: ReminderRecipient) =>
    (await resolve(actionId, addressee)).people;

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    const elsewhere = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    const trust = await createAgency('nhs-trust', [partnershipId]);
    const police = await createAgency('police', [partnershipId]);
    const otherCouncil = await createAgency('local-authority', [elsewhere]);
    const otherTrust = await createAgency('nhs-trust', [elsewhere]);

    // The council of the owner's partnership.
    await person('laLead', { agencyId: council.id, roles: ['safeguarding-lead'] });
    await person('laLeadToo', { agencyId: council.id, roles: ['safeguarding-lead'] });
    await person('laLeadLeft', { agencyId: council.id, roles: ['safeguarding-lead'] });
    await person('councilDsl', { agencyId: council.id, roles: ['designated-safeguarding-lead'] });
    await person('councilHead', { agencyId: council.id, roles: ['head-of-service'] });
    await person('enquiryManager', { agencyId: council.id });
    await person('enquiryManagerLeft', { agencyId: council.id });
    await person('chair', { agencyId: council.id });
    await person('chairLeft', { agencyId: council.id });
    await person('boardChair', { agencyId: council.id, roles: ['board-chair'] });
    await person('boardManager', { agencyId: council.id, roles: ['board-business-manager'] });
    await person('boardChairLeft', { agencyId: council.id, roles: ['board-chair'] });

    // The owner's agency: a line of management, its leads and heads of service, and leavers.
    await person('grandManager', { agencyId: trust.id, roles: ['line-manager'] });
    await person('manager', {
      agencyId: trust.id,
      roles: ['line-manager'],
      lineManagerId: people.grandManager.id,
    });
    await person('owner', { agencyId: trust.id, lineManagerId: people.manager.id });
    await person('ownerLeft', { agencyId: trust.id, lineManagerId: people.manager.id });
    await person('managerLeft', {
      agencyId: trust.id,
      roles: ['line-manager'],
      lineManagerId: people.grandManager.id,
    });
    await person('reportOfLeaver', { agencyId: trust.id, lineManagerId: people.managerLeft.id });
    await person('minuteTaker', { agencyId: trust.id });
    await person('trustDsl', { agencyId: trust.id, roles: ['designated-safeguarding-lead'] });
    await person('trustDslToo', { agencyId: trust.id, roles: ['designated-safeguarding-lead'] });
    await person('trustDslLeft', { agencyId: trust.id, roles: ['designated-safeguarding-lead'] });
    await person('trustHead', { agencyId: trust.id, roles: ['head-of-service'] });
    await person('trustHeadToo', { agencyId: trust.id, roles: ['head-of-service'] });
    await person('trustHeadLeft', { agencyId: trust.id, roles: ['head-of-service'] });
    // A safeguarding lead outside the council: in the partnership, but not the local authority.
    await person('trustSafeguardingLead', { agencyId: trust.id, roles: ['safeguarding-lead'] });

    // Another agency of the partnership holding every lead role.
    await person('policeLead', { agencyId: police.id, roles: ['safeguarding-lead'] });
    await person('policeDsl', { agencyId: police.id, roles: ['designated-safeguarding-lead'] });
    await person('policeHead', { agencyId: police.id, roles: ['head-of-service'] });

    // Another partnership, with a council of its own.
    await person('elsewhereLaLead', { agencyId: otherCouncil.id, roles: ['safeguarding-lead'] });
    await person('elsewhereBoardChair', { agencyId: otherCouncil.id, roles: ['board-chair'] });
    await person('elsewhereDsl', {
      agencyId: otherTrust.id,
      roles: ['designated-safeguarding-lead'],
    });
    await person('elsewhereHead', { agencyId: otherTrust.id, roles: ['head-of-service'] });

    const claims = JSON.parse(Buffer.from(adminToken().split('.')[1], 'base64url').toString());
    operator = { id: claims.sub, email: claims.email };
    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
    enquiries = createEnquiryActivities({ dataSource });
    mailer = createSmtpMailer(stackAppEnv().SMTP_URL, 'escalations@test.example');

    // Due in a month: the items' own chasers stay quiet while the tests resolve their tiers.
    const plain = await postAction(people.owner, {
      dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    if (plain.status !== 201) throw new Error(`POST /actions: ${plain.status}`);
    plainActionId = plain.body.id;
    meetingItemId = await recordMeeting('chair');
    itemOfChairWhoLeftId = await recordMeeting('chairLeft');

    // Leavers keep their roles in the directory: only their deactivation sets them apart.
    for (const key of [
      'laLeadLeft',
      'boardChairLeft',
      'trustDslLeft',
      'trustHeadLeft',
      'enquiryManagerLeft',
      'chairLeft',
      'ownerLeft',
      'managerLeft',
    ]) {
      await deactivate(key);
    }
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  it('reaches the owner, or their line manager when the owner has left', async () => {
    expect(await resolve(plainActionId, 'owner')).toEqual({
      people: ids('owner'),
      rerouted: false,
    });
    // An enquiry can open a deadline for someone who has since left.
    const leaversItem = await enquiryItem(
      await enquiryManagedBy(people.enquiryManager.id),
      'ownerLeft',
    );
    expect(await resolve(leaversItem, 'owner')).toEqual({
      people: ids('manager'),
      rerouted: true,
    });
  });

  it("reaches the owner's current line manager, and a leaver's reports reach the leaver's manager", async () => {
    expect(await whoGets(plainActionId, 'owner-line-manager')).toEqual(ids('manager'));
    const { body } = await postAction(people.reportOfLeaver, {
      dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    expect(await whoGets(body.id, 'owner-line-manager')).toEqual(ids('grandManager'));
  });

  it("reaches every active designated lead of the owner's agency and nobody else's", async () => {
    expect(await whoGets(plainActionId, 'agency-designated-lead')).toEqual(
      ids('trustDsl', 'trustDslToo'),
    );
  });

  it("reaches every active head of service of the owner's agency and nobody else's", async () => {
    expect(await whoGets(plainActionId, 'head-of-service')).toEqual(
      ids('trustHead', 'trustHeadToo'),
    );
  });

  it("reaches the active safeguarding leads of the partnership's local authority only", async () => {
    expect(await whoGets(plainActionId, 'local-authority-lead')).toEqual(localAuthorityLeads());
  });

  it("reaches the active board chair and business manager of the action's partnership", async () => {
    expect(await whoGets(plainActionId, 'board')).toEqual(ids('boardChair', 'boardManager'));
  });

  it("asks the meeting's chair to decide, or the local authority's leads when the chair has left", async () => {
    expect(await whoGets(meetingItemId, 'decision-maker')).toEqual(ids('chair'));
    expect(await whoGets(itemOfChairWhoLeftId, 'decision-maker')).toEqual(localAuthorityLeads());
    // Without a meeting or an enquiry, the local authority's leads decide.
    expect(await whoGets(plainActionId, 'decision-maker')).toEqual(localAuthorityLeads());
  });

  it("puts the enquiry manager in the local authority's place for an enquiry's deadline", async () => {
    const managed = await enquiryManagedBy(people.enquiryManager.id);
    const item = await enquiryItem(managed, 'owner');
    expect(await whoGets(item, 'local-authority-lead')).toEqual(ids('enquiryManager'));
    expect(await whoGets(item, 'decision-maker')).toEqual(ids('enquiryManager'));
    // The rest of the ladder follows the owner, as for any action.
    expect(await whoGets(item, 'agency-designated-lead')).toEqual(ids('trustDsl', 'trustDslToo'));
    expect(await whoGets(item, 'head-of-service')).toEqual(ids('trustHead', 'trustHeadToo'));

    // The manager's own deadline escalates past them, to the local authority's leads.
    const managersOwn = await enquiryItem(managed, 'enquiryManager');
    expect(await whoGets(managersOwn, 'local-authority-lead')).toEqual(localAuthorityLeads());
    expect(await whoGets(managersOwn, 'decision-maker')).toEqual(ids('enquiryManager'));
  });

  it('falls back to the local authority leads when the enquiry has no active manager', async () => {
    for (const managerId of [people.enquiryManagerLeft.id, null]) {
      const item = await enquiryItem(await enquiryManagedBy(managerId), 'owner');
      expect(await whoGets(item, 'local-authority-lead')).toEqual(localAuthorityLeads());
      expect(await whoGets(item, 'decision-maker')).toEqual(localAuthorityLeads());
    }
  });

  it('sends the escalation to exactly the resolved people, one message each', async () => {
    const item = await enquiryItem(await enquiryManagedBy(null), 'owner');
    const activities = createActionActivities({
      dataSource,
      mailer,
      publicWebUrl: 'http://127.0.0.1:3001',
      actionLinkSecret: randomBytes(32),
      log: pino({ level: 'silent' }),
    });
    const idempotencyKey = `escalation-recipients-${item}:escalated`;
    expect(
      await activities.sendActionReminder({
        actionId: item,
        event: 'escalated',
        recipient: 'local-authority-lead',
        idempotencyKey,
      }),
    ).toBe('sent');

    const notified = await dataSource.manager.find(NotificationEntity, {
      where: { subjectId: item, idempotencyKey: Like(`${idempotencyKey}%`) },
    });
    expect(notified.map((n) => [n.recipientId, n.status]).sort()).toEqual(
      localAuthorityLeads().map((id) => [id, 'sent']),
    );
    const { reference } = await dataSource.manager.findOneByOrFail(ActionEntity, { id: item });
    const subject = `Overdue action escalated to you: ${reference}`;
    const expectedEmails = [people.laLead.email, people.laLeadToo.email, operator.email].sort();
    for (const email of expectedEmails) {
      await waitForEmail((e) => e.to.includes(email) && e.subject === subject);
    }
    const caught = (await caughtEmails()).filter((e) => e.subject === subject);
    expect(caught.flatMap((e) => e.to).sort()).toEqual(expectedEmails);
    // Each message's Message-ID is its notification's, so a repeat after a crash is the same one.
    expect(caught.map((e) => e.messageId).sort()).toEqual(
      notified.map((n) => `<${n.id}@test.example>`).sort(),
    );
  });
});

/**
 * Nobody is left unescalated: a tier whose own role has nobody active falls down one chain (line
 * manager, the agency's heads of service, its designated leads, the local authority's
 * safeguarding leads), never back to the owner; when even that finds nobody, the partnership's
 * admins are told by email. Each case is a partnership of its own, so its directory is exact.
 */
describe('escalations that find nobody in the role they name', () => {
  let dataSource: DataSource;
  let mailer: Mailer;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
    mailer = createSmtpMailer(stackAppEnv().SMTP_URL, 'escalations@test.example');
  });
  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  /** A care home in a partnership of its own, whose only person is an owner with no manager. */
  async function lonelyOwner() {
    const partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    const home = await createAgency('care-provider', [partnershipId]);
    const owner = await createPerson('Lone carer', { agencyId: home.id });
    const laLead = await createPerson('Council lead', {
      agencyId: council.id,
      roles: ['safeguarding-lead'],
    });
    const action = await postAction(owner, {
      dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    if (action.status !== 201) throw new Error(`POST /actions: ${action.status}`);
    const localAuthorityLeads = (await inPartnershipLeads(dataSource, partnershipId)).sort();
    expect(localAuthorityLeads).toContain(laLead.id);
    return {
      partnershipId,
      council,
      home,
      owner,
      laLead,
      actionId: action.body.id as string,
      localAuthorityLeads,
    };
  }

  async function resolveFor(actionId: string, addressee: ReminderRecipient) {
    const action = await dataSource.manager.findOneOrFail(ActionEntity, {
      where: { id: actionId },
      relations: { owner: true },
    });
    const resolved = await resolveRecipients(
      dataSource,
      action as ActionEntity & { owner: PersonEntity },
      addressee,
    );
    return { people: resolved.people.map((p) => p.id).sort(), fellBackTo: resolved.fellBackTo };
  }

  it('reaches someone on every tier of every stage of the default policy, for an owner with no line manager', async () => {
    const { actionId, localAuthorityLeads } = await lonelyOwner();
    const tiers = new Set(
      Object.keys(STAGE_OF_ITEM).flatMap((kind) =>
        defaultPolicy.stages[STAGE_OF_ITEM[kind as keyof typeof STAGE_OF_ITEM]].escalation.map(
          (tier) => tier.notify,
        ),
      ),
    );
    expect(tiers.size).toBeGreaterThan(2);
    for (const tier of tiers) {
      const resolved = await resolveFor(actionId, tier);
      expect({ tier, people: resolved.people }).toEqual({ tier, people: localAuthorityLeads });
    }
  });

  it('falls down the chain one rung at a time, never back to the owner', async () => {
    const { home, owner, actionId, localAuthorityLeads } = await lonelyOwner();
    expect(await resolveFor(actionId, 'owner-line-manager')).toEqual({
      people: localAuthorityLeads,
      fellBackTo: 'local-authority-lead',
    });
    const dsl = await createPerson('Home lead', {
      agencyId: home.id,
      roles: ['designated-safeguarding-lead'],
    });
    expect(await resolveFor(actionId, 'owner-line-manager')).toEqual({
      people: [dsl.id],
      fellBackTo: 'agency-designated-lead',
    });
    const head = await createPerson('Home head', { agencyId: home.id, roles: ['head-of-service'] });
    expect(await resolveFor(actionId, 'owner-line-manager')).toEqual({
      people: [head.id],
      fellBackTo: 'head-of-service',
    });
    expect(await resolveFor(actionId, 'head-of-service')).toEqual({
      people: [head.id],
      fellBackTo: undefined,
    });
    // The owner holding the role themselves is no escalation: the next rung is told.
    const selfLed = await createPerson('Head who owns it', {
      agencyId: home.id,
      roles: ['designated-safeguarding-lead'],
    });
    const own = await postAction(selfLed, { dueAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(await resolveFor(own.body.id, 'agency-designated-lead')).toEqual({
      people: [dsl.id],
      fellBackTo: undefined,
    });
    expect((await resolveFor(own.body.id, 'owner-line-manager')).people).not.toContain(owner.id);
  });

  it('records the fall-back and tells those it fell to, one message each', async () => {
    const { actionId, localAuthorityLeads } = await lonelyOwner();
    const activities = createActionActivities({
      dataSource,
      mailer,
      publicWebUrl: 'http://127.0.0.1:3001',
      actionLinkSecret: randomBytes(32),
      log: pino({ level: 'silent' }),
    });
    const idempotencyKey = `fell-back-${actionId}:escalated`;
    expect(
      await activities.sendActionReminder({
        actionId,
        event: 'escalated',
        recipient: 'owner-line-manager',
        idempotencyKey,
      }),
    ).toBe('sent');
    const notified = await dataSource.manager.find(NotificationEntity, {
      where: { subjectId: actionId, idempotencyKey: Like(`${idempotencyKey}%`) },
    });
    expect(notified.map((n) => n.recipientId).sort()).toEqual(localAuthorityLeads);
    const recorded = await chronologyEvents(dataSource, actionId);
    expect(recorded).toContainEqual({
      event: 'notification.fell-back',
      detail: {
        event: 'escalated',
        addressee: 'owner-line-manager',
        fellBackTo: 'local-authority-lead',
      },
    });
  });

  it('tells the partnership’s admins when nobody in the whole chain is active', async () => {
    const { partnershipId, council, home, laLead, actionId } = await lonelyOwner();
    // A partnership whose council has nobody: its own lead has left, and the e2e operator's
    // council (in every partnership the operator makes) is taken out of it.
    const admin = await createPerson('Directory keeper', { agencyId: home.id, roles: ['admin'] });
    expect((await post(`/people/${laLead.id}/deactivate`)).status).toBe(200);
    await dataSource.query(
      `DELETE FROM agency_partnerships WHERE partnership_id = $1 AND agency_id NOT IN ($2, $3)`,
      [partnershipId, council.id, home.id],
    );
    expect(await inPartnershipLeads(dataSource, partnershipId)).toEqual([]);

    const activities = createActionActivities({
      dataSource,
      mailer,
      publicWebUrl: 'http://127.0.0.1:3001',
      actionLinkSecret: randomBytes(32),
      log: pino({ level: 'silent' }),
    });
    expect(
      await activities.sendActionReminder({
        actionId,
        event: 'escalated',
        recipient: 'owner-line-manager',
        idempotencyKey: `nobody-${actionId}:escalated`,
      }),
    ).toBe('no-recipient');
    const { reference } = await dataSource.manager.findOneByOrFail(ActionEntity, { id: actionId });
    const alert = await waitForEmail(
      (e) =>
        e.to.includes(admin.email) &&
        e.subject === `Nobody to escalate an overdue action to: ${reference}`,
    );
    expect(alert.text).toContain('correct the directory');
    expect(await chronologyEvents(dataSource, actionId)).toContainEqual({
      event: 'notification.no-recipient',
      detail: { event: 'escalated', addressee: 'owner-line-manager' },
    });
  });
});

/** The active safeguarding leads of a partnership's local authorities, by id. */
async function inPartnershipLeads(
  dataSource: DataSource,
  partnershipId: string,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await dataSource.query(
    `SELECT p.id FROM people p
       JOIN agencies a ON a.id = p.agency_id
       JOIN agency_partnerships ap ON ap.agency_id = a.id
      WHERE ap.partnership_id = $1 AND p.active AND a.type = 'local-authority'
        AND 'safeguarding-lead' = ANY(p.roles)
      ORDER BY p.id`,
    [partnershipId],
  );
  return rows.map((row) => row.id);
}

/** What the chronology recorded about an action, event and detail only. */
async function chronologyEvents(dataSource: DataSource, actionId: string) {
  const rows: Array<{ event: string; detail: unknown }> = await dataSource.query(
    `SELECT event, detail FROM chronology WHERE subject_type = 'action' AND subject_id = $1 ORDER BY occurred_at`,
    [actionId],
  );
  return rows.map(({ event, detail }) => ({ event, detail }));
}
