import { formatReference, ukLocalDate } from '@safeguard/domain';
import {
  ActionEntity,
  ChronologyEntryEntity,
  dataSourceOptions,
  DisagreementEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
} from '@safeguard/persistence';
import {
  actionWorkflowId,
  type DisagreementActivities,
  type DisagreementStateSnapshot,
  type RecipientGroup,
} from '@safeguard/workflows';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createDisagreementActivities } from '../../apps/worker/src/activities/disagreement-activities';
import { createSmtpMailer, type Mailer } from '../../apps/worker/src/mail/mailer';
import { stackAppEnv } from './support/e2e-env';
import {
  caughtEmails,
  createAgency,
  createPartnership,
  createPerson,
  waitForEmail,
  type CaughtEmail,
  type TestPerson,
} from './support/http';

const DAY = 24 * 3600 * 1000;
const CASE_REFERENCE = 'ASC/2026/04417';
const CONCERN = 'The practice will not refer Mrs Example to the memory clinic after two falls';

/**
 * The professional disagreement workflow's activities against the stack's database and mail
 * catcher, called directly as Temporal calls them (a retry is another call with the same input):
 * who takes part at each stage, the emails, the read model and the actions agreed.
 */
describe('professional disagreement activities', () => {
  let dataSource: DataSource;
  let mailer: Mailer;
  let activities: DisagreementActivities;
  let partnershipId: string;
  let raiserAgency: { id: string };
  let otherAgency: { id: string };
  let namedAgency: { id: string };
  const people: Record<string, TestPerson> = {};
  /** Raised against a person; against an agency only; against someone who has since left. */
  const againstPerson = randomUUID();
  const againstAgency = randomUUID();
  const againstLeaver = randomUUID();

  async function raise(id: string, other: { personId: string | null; agencyId: string }) {
    const now = new Date();
    const [{ sequence }] = await dataSource.query(
      `SELECT nextval('disagreement_reference_seq') AS sequence`,
    );
    // As the API stores it when raised, before its workflow first writes the read model.
    await dataSource.query(
      `INSERT INTO disagreements (id, reference, partnership_id, policy_version, raised_by_id,
         raiser_agency_id, other_person_id, other_agency_id, case_reference, themes,
         immediate_risk, raised_at, status, process_version, workflow_id, created_at, updated_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, ARRAY['threshold-for-intervention'], true, $9,
         'open', 0, $10, $9, $9)`,
      [
        id,
        formatReference('DIS', ukLocalDate(now).year, Number(sequence)),
        partnershipId,
        people.raiser.id,
        raiserAgency.id,
        other.personId,
        other.agencyId,
        CASE_REFERENCE,
        now,
        `disagreement-${id}`,
      ],
    );
    await dataSource.query(
      `INSERT INTO disagreement_records (id, disagreement_id, kind, stage, text, author_id, created_at)
       VALUES ($1, $2, 'concern', 1, $3, $4, $5)`,
      [randomUUID(), id, CONCERN, people.raiser.id, now],
    );
  }

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    raiserAgency = await createAgency('nhs-trust', [partnershipId]);
    otherAgency = await createAgency('gp-practice-or-icb', [partnershipId]);
    namedAgency = await createAgency('care-provider', [partnershipId]);
    const council = await createAgency('local-authority', [partnershipId]);
    const person = async (
      key: string,
      name: string,
      fields: Parameters<typeof createPerson>[1],
    ) => {
      people[key] = await createPerson(name, fields);
    };
    await person('raiserManager', 'Grace Okafor', { agencyId: raiserAgency.id });
    await person('raiser', 'Priya Raman', {
      agencyId: raiserAgency.id,
      lineManagerId: people.raiserManager.id,
    });
    await person('raiserLead', 'Tom Hesketh', {
      agencyId: raiserAgency.id,
      roles: ['designated-safeguarding-lead'],
    });
    // The GP practice has no designated lead: its head of service answers for it.
    await person('otherManager', 'Hannah Lutz', { agencyId: otherAgency.id });
    await person('other', 'Alan Whitcombe', {
      agencyId: otherAgency.id,
      lineManagerId: people.otherManager.id,
    });
    await person('otherHead', 'Femi Adeyemi', {
      agencyId: otherAgency.id,
      roles: ['head-of-service'],
    });
    await person('leaver', 'Joan Pryce', {
      agencyId: otherAgency.id,
      lineManagerId: people.otherManager.id,
    });
    // The care provider is named without a person: its designated leads speak for it.
    await person('namedManager', 'Oliver Stanton', { agencyId: namedAgency.id });
    await person('namedLeadManaged', 'Ruth Abara', {
      agencyId: namedAgency.id,
      roles: ['designated-safeguarding-lead'],
      lineManagerId: people.namedManager.id,
    });
    await person('namedLead', 'Kwame Mensah', {
      agencyId: namedAgency.id,
      roles: ['designated-safeguarding-lead'],
    });
    await person('businessManager', 'Lucy Fairweather', {
      agencyId: council.id,
      roles: ['board-business-manager'],
    });
    await person('chair', 'Martin Coles', { agencyId: council.id, roles: ['board-chair'] });
    await person('refused', 'Sam Ellery', {
      agencyId: otherAgency.id,
      emailDomain: 'refuse.smtp.test',
    });

    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
    mailer = createSmtpMailer(stackAppEnv().SMTP_URL, 'disagreements@test.example');
    activities = createDisagreementActivities({
      dataSource,
      mailer,
      publicWebUrl: 'http://127.0.0.1:3001',
      log: pino({ level: 'silent' }),
    });
    await raise(againstPerson, { personId: people.other.id, agencyId: otherAgency.id });
    await raise(againstAgency, { personId: null, agencyId: namedAgency.id });
    await raise(againstLeaver, { personId: people.leaver.id, agencyId: otherAgency.id });
    await dataSource.query(`UPDATE people SET active = false WHERE id = $1`, [people.leaver.id]);
  });

  afterAll(async () => {
    mailer?.close();
    await dataSource?.destroy();
  });

  const ids = (...keys: string[]) => keys.map((key) => people[key].id);
  const byId = (...keys: string[]) => ids(...keys).sort();
  const resolve = (disagreementId: string, group: RecipientGroup) =>
    activities.resolveParticipants({ disagreementId, group });
  const disagreement = (id: string) =>
    dataSource.manager.findOneByOrFail(DisagreementEntity, { id });
  const chronology = (subjectId: string) =>
    dataSource.manager.find(ChronologyEntryEntity, { where: { subjectId }, order: { id: 'ASC' } });

  it('finds who takes part at each stage when a person was named', async () => {
    expect(await resolve(againstPerson, 'practitioners')).toEqual(ids('raiser', 'other'));
    expect(await resolve(againstPerson, 'both-sides')).toEqual(ids('raiser', 'other'));
    expect(await resolve(againstPerson, 'line-managers')).toEqual(
      ids('raiserManager', 'otherManager'),
    );
    // An agency without a designated lead is represented by its head of service.
    expect(await resolve(againstPerson, 'designated-leads')).toEqual(
      ids('raiserLead', 'otherHead'),
    );
    expect(await resolve(againstPerson, 'board')).toEqual(byId('businessManager', 'chair'));
  });

  it("puts the agency's designated leads, and their managers, on its side when only it was named", async () => {
    expect(await resolve(againstAgency, 'practitioners')).toEqual([
      people.raiser.id,
      ...byId('namedLeadManaged', 'namedLead'),
    ]);
    expect(await resolve(againstAgency, 'both-sides')).toEqual(
      await resolve(againstAgency, 'practitioners'),
    );
    expect(await resolve(againstAgency, 'line-managers')).toEqual(
      ids('raiserManager', 'namedManager'),
    );
    expect(await resolve(againstAgency, 'designated-leads')).toEqual([
      people.raiserLead.id,
      ...byId('namedLeadManaged', 'namedLead'),
    ]);
  });

  it('asks only active people: a side whose person has left is answered for by its agency', async () => {
    expect(await resolve(againstLeaver, 'practitioners')).toEqual(ids('raiser', 'otherHead'));
    // The head of service has no line manager: the agency's heads of service stand in.
    expect(await resolve(againstLeaver, 'line-managers')).toEqual(
      ids('raiserManager', 'otherHead'),
    );
  });

  it('emails each person once, with no personal data, and records a refusal without stopping', async () => {
    // Disagreements ignore the digest preference: their stages run on days, not weeks.
    await dataSource.manager.save(NotificationPreferenceEntity, {
      personId: people.raiser.id,
      delivery: 'daily-digest',
      updatedAt: new Date(),
    });
    const { reference } = await disagreement(againstPerson);
    const dueAt = new Date(Date.now() + 2 * DAY).toISOString();
    const command = {
      disagreementId: againstPerson,
      event: 'stage-started' as const,
      recipientIds: ids('refused', 'raiser', 'other', 'leaver'),
      stage: 3 as const,
      dueAt,
      idempotencyKey: `disagreement-${againstPerson}:2:stage-started`,
    };
    await activities.sendDisagreementMessage(command);
    await activities.sendDisagreementMessage(command);

    const subject = `Professional disagreement to acknowledge: ${reference}`;
    for (const key of ['raiser', 'other']) {
      const email = await waitForEmail(
        (e) => e.to.includes(people[key].email) && e.subject === subject,
      );
      expect(email.text).toContain('has reached stage 3 of the escalation protocol');
      expect(email.text).toContain(`http://127.0.0.1:3001/disagreements/${againstPerson}`);
      expect(personalDataIn(email)).toEqual([]);
    }
    const sentTo = (await caughtEmails()).filter((e) => e.subject === subject).flatMap((e) => e.to);
    expect(sentTo.sort()).toEqual([people.other.email, people.raiser.email].sort());

    const notifications = await dataSource.manager.find(NotificationEntity, {
      where: { subjectType: 'disagreement', subjectId: againstPerson },
    });
    expect(
      Object.fromEntries(notifications.map((n) => [n.recipientId, [n.status, n.failureCode]])),
    ).toEqual({
      [people.raiser.id]: ['sent', null],
      [people.other.id]: ['sent', null],
      [people.refused.id]: ['failed', 550],
    });
    const logged = (await chronology(againstPerson)).filter((entry) =>
      entry.event.startsWith('notification.'),
    );
    expect(logged.map((entry) => [entry.event, entry.detail.recipientId]).sort()).toEqual(
      [
        ['notification.failed', people.refused.id],
        ['notification.sent', people.other.id],
        ['notification.sent', people.raiser.id],
      ].sort(),
    );
    expect(logged[0]).toMatchObject({
      subjectType: 'disagreement',
      kind: 'system',
      chain: partnershipId,
    });
  });

  it('tells both sides of the outcome without a due date', async () => {
    const { reference } = await disagreement(againstAgency);
    await activities.sendDisagreementMessage({
      disagreementId: againstAgency,
      event: 'resolved',
      recipientIds: ids('raiser', 'namedLead'),
      stage: 2,
      idempotencyKey: `disagreement-${againstAgency}:5:resolved`,
    });
    const email = await waitForEmail(
      (e) =>
        e.to.includes(people.namedLead.email) &&
        e.subject === `Professional disagreement resolved: ${reference}`,
    );
    expect(email.text).toContain('has been resolved at stage 2');
    expect(email.text).not.toContain('Stage due');
    expect(personalDataIn(email)).toEqual([]);
  });

  it('writes the read model from each snapshot, closes it once and ignores stale writes', async () => {
    const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    const stageDueAt = at(5 * 24 * 3600);
    const raised: DisagreementStateSnapshot = {
      disagreementId: againstLeaver,
      version: 1,
      changedAt: at(0),
      event: 'disagreement.raised',
      status: 'open',
      stageKey: 'disagreement.stage-3',
      stage: 3,
      highestStage: 3,
      stageStartedAt: at(0),
      stageDueAt,
      participants: ids('raiserLead', 'otherHead'),
      acknowledgedBy: [],
      detail: { immediateRisk: true },
    };
    await activities.recordDisagreementState(raised);
    expect(await disagreement(againstLeaver)).toMatchObject({
      status: 'open',
      stageKey: 'disagreement.stage-3',
      stage: 3,
      highestStage: 3,
      stageDueAt: new Date(stageDueAt),
      participantIds: ids('raiserLead', 'otherHead'),
      acknowledgedByIds: [],
      closedAt: null,
      processVersion: 1,
    });

    const acknowledged: DisagreementStateSnapshot = {
      ...raised,
      version: 2,
      changedAt: at(1),
      event: 'disagreement.acknowledged',
      actorId: people.otherHead.id,
      acknowledgedBy: ids('otherHead'),
      detail: { stage: 3 },
    };
    await activities.recordDisagreementState(acknowledged);
    // A retry, or an older snapshot arriving late, changes nothing.
    await activities.recordDisagreementState(acknowledged);
    await activities.recordDisagreementState({ ...raised, changedAt: at(2) });
    expect((await disagreement(againstLeaver)).acknowledgedByIds).toEqual(ids('otherHead'));

    const outcomeId = randomUUID();
    const withdrawn: DisagreementStateSnapshot = {
      ...acknowledged,
      version: 3,
      changedAt: at(3),
      event: 'disagreement.withdrawn',
      actorId: people.raiser.id,
      status: 'withdrawn',
      withdrawalId: outcomeId,
      detail: { withdrawalId: outcomeId },
    };
    await activities.recordDisagreementState(withdrawn);
    await activities.recordDisagreementState({ ...withdrawn, version: 4, changedAt: at(4) });
    expect(await disagreement(againstLeaver)).toMatchObject({
      status: 'withdrawn',
      withdrawalId: outcomeId,
      outcomeId: null,
      closedAt: new Date(withdrawn.changedAt),
      processVersion: 4,
    });

    const entries = (await chronology(againstLeaver)).filter((entry) =>
      entry.event.startsWith('disagreement.'),
    );
    expect(entries.map((entry) => [entry.event, entry.kind, entry.actorId])).toEqual([
      ['disagreement.raised', 'system', null],
      ['disagreement.acknowledged', 'command', people.otherHead.id],
      ['disagreement.withdrawn', 'command', people.raiser.id],
      ['disagreement.withdrawn', 'command', people.raiser.id],
    ]);
    expect(entries[0]).toMatchObject({ subjectType: 'disagreement', chain: partnershipId });
    expect(entries[0].detail).toEqual({ stage: 3, version: 1, immediateRisk: true });
    expect(entries[2].detail).toEqual({ stage: 3, version: 3, withdrawalId: outcomeId });
  });

  it('opens each agreed action once, chased as urgent as the disagreement is', async () => {
    const outcomeId = randomUUID();
    const dueAt = new Date(Date.now() + 10 * DAY).toISOString();
    await dataSource.query(
      `INSERT INTO disagreement_records (id, disagreement_id, kind, stage, text, facts, author_id, created_at)
       VALUES ($1, $2, 'outcome', 2, 'Agreed to refer after a joint visit', $3, $4, now())`,
      [
        outcomeId,
        againstPerson,
        JSON.stringify({
          agreedActions: [{ title: 'Joint home visit', ownerId: people.other.id, dueAt }],
        }),
        people.raiser.id,
      ],
    );
    const actionId = randomUUID();
    const command = { disagreementId: againstPerson, outcomeId, index: 0, actionId };
    const opened = await activities.openAgreedAction(command);
    expect(await activities.openAgreedAction(command)).toEqual(opened);
    expect(opened).toEqual({ ownerId: people.other.id, dueAt, urgent: true });

    const action = await dataSource.manager.findOneByOrFail(ActionEntity, { id: actionId });
    expect(action).toMatchObject({
      title: 'Joint home visit',
      kind: 'action',
      disagreementId: againstPerson,
      meetingId: null,
      enquiryId: null,
      rationale: null,
      ownerId: people.other.id,
      partnershipId,
      policyVersion: 1,
      urgent: true,
      status: 'open',
      processVersion: 1,
      workflowId: actionWorkflowId(actionId),
      acknowledged: false,
    });
    expect(action.reference).toMatch(/^ACT-\d{4}-\d{6}$/);
    expect(action.dueAt.toISOString()).toBe(dueAt);
    expect(action.nextReminderAt!.getTime()).toBeLessThanOrEqual(Date.parse(dueAt));
    const created = (await chronology(actionId)).filter((e) => e.event === 'action.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ kind: 'system', chain: partnershipId });
    expect(created[0].detail).toEqual({ disagreementId: againstPerson, outcomeId });

    const missing = activities.openAgreedAction({ ...command, index: 1, actionId: randomUUID() });
    await expect(missing).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(missing).rejects.toMatchObject({ nonRetryable: true });
  });

  /** Anything of the disagreement or the people in it that shows in an email. */
  function personalDataIn(email: CaughtEmail): string[] {
    const needles = [
      CASE_REFERENCE,
      '04417',
      CONCERN,
      'memory clinic',
      'threshold',
      ...Object.values(people).flatMap((person) => [
        person.displayName,
        ...person.displayName.split(' '),
        person.email,
      ]),
    ];
    const haystack = [email.subject, email.text, email.html].join('\n');
    const escaped = (needle: string) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return needles.filter((needle) => new RegExp(`\\b${escaped(needle)}\\b`, 'i').test(haystack));
  }
});
