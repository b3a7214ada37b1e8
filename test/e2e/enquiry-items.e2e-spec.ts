import {
  ActionEntity,
  ChronologyEntryEntity,
  dataSourceOptions,
  EnquiryDelegationEntity,
  EnquiryEntity,
  PolicyVersionEntity,
} from '@safeguard/persistence';
import {
  actionChaserWorkflow,
  actionWorkflowId,
  settleChaseSignal,
  type EnquiryActivities,
  type EnquiryStateSnapshot,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { chaserInput } from '../../apps/api/src/actions/chaser-input';
import { createEnquiryActivities } from '../../apps/worker/src/activities/enquiry-activities';
import { stackAppEnv } from './support/e2e-env';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  tokenFor,
  waitForEmail,
  type TestPerson,
} from './support/http';
import { acknowledgedEnquiryRow } from './support/enquiry-rows';
import { stackTemporalSettings, withClient } from './support/temporal';
import { eventually } from './support/waits';

const DAY = 24 * 3600 * 1000;

/**
 * An enquiry's deadline is a row of `actions` with its own chaser, opened and closed by the
 * enquiry's workflow through the worker's activities. Here the activities run directly against the
 * stack's database (the enquiry API comes later) and the item answers the generic /actions routes.
 * The directory is shared and only read; every test opens its own enquiry and deadline, so each
 * runs alone (`-t`) or in any order with the same result.
 */
describe('Section 42 enquiry deadlines', () => {
  let dataSource: DataSource;
  let activities: EnquiryActivities;
  let partnershipId: string;
  let provider: { id: string };
  let manager: TestPerson;
  let owner: TestPerson;
  let colleague: TestPerson;
  let outsider: TestPerson;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    provider = await createAgency('care-provider', [partnershipId]);
    const housing = await createAgency('housing', [partnershipId]);
    manager = await createPerson('Enquiry Manager', { agencyId: council.id });
    owner = await createPerson('Provider Enquirer', { agencyId: provider.id });
    colleague = await createPerson('Provider Colleague', { agencyId: provider.id });
    outsider = await createPerson('Housing Officer', { agencyId: housing.id });
    for (const person of [manager, owner, colleague, outsider]) {
      tokens[person.id] = await tokenFor(person.email);
    }

    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
    activities = createEnquiryActivities({ dataSource });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** A concern as it stands once acknowledged, with its enquiry manager named. */
  const acknowledgedConcern = () =>
    acknowledgedEnquiryRow(dataSource, {
      partnershipId,
      raisedById: manager.id,
      enquiryManagerId: manager.id,
    });

  /** The report's deadline, owned by the provider's enquirer, as the enquiry's workflow opens it. */
  const reportDeadline = (enquiryId: string) => ({
    actionId: randomUUID(),
    enquiryId,
    kind: 'enquiry-report' as const,
    ownerId: owner.id,
    dueAt: new Date(Date.now() + 20 * DAY).toISOString(),
    urgent: false,
  });

  /** An acknowledged concern with its report deadline opened and chased, as the workflow leaves it. */
  async function chasedDeadline() {
    const concern = await acknowledgedConcern();
    const command = reportDeadline(concern.enquiryId);
    await activities.openEnquiryItem(command);
    await startChaser(command);
    return { ...concern, actionId: command.actionId, dueAt: command.dueAt };
  }

  /** Its chaser, as the enquiry's workflow starts it. */
  async function startChaser(command: ReturnType<typeof reportDeadline>) {
    const policy = await dataSource.manager.findOneByOrFail(PolicyVersionEntity, {
      partnershipId,
      version: 1,
    });
    const settings = stackTemporalSettings();
    await withClient(
      (client) =>
        client.workflow.start(actionChaserWorkflow, {
          taskQueue: settings.taskQueue,
          workflowId: actionWorkflowId(command.actionId),
          args: [chaserInput({ ...command, dueAt: new Date(command.dueAt) }, policy)],
        }),
      settings.dataConverter,
    );
  }

  const action = (actionId: string) =>
    dataSource.manager.findOneByOrFail(ActionEntity, { id: actionId });
  const enquiry = (enquiryId: string) =>
    dataSource.manager.findOneByOrFail(EnquiryEntity, { id: enquiryId });
  const chronology = (subjectId: string) =>
    dataSource.manager.find(ChronologyEntryEntity, {
      where: { subjectId, kind: 'command' },
      order: { id: 'ASC' },
    });

  it('opens a deadline once, however often the activity is retried', async () => {
    const { enquiryId } = await acknowledgedConcern();
    const command = reportDeadline(enquiryId);
    const { actionId, dueAt } = command;
    await activities.openEnquiryItem(command);
    await activities.openEnquiryItem(command);

    const item = await action(actionId);
    expect(item).toMatchObject({
      title: 'Report due',
      kind: 'enquiry-report',
      enquiryId,
      meetingId: null,
      ownerId: owner.id,
      partnershipId,
      policyVersion: 1,
      status: 'open',
      processVersion: 1,
      workflowId: actionWorkflowId(actionId),
      acknowledged: false,
    });
    expect(item.reference).toMatch(/^ACT-\d{4}-\d{6}$/);
    expect(item.dueAt.toISOString()).toBe(dueAt);
    expect(item.nextReminderAt!.getTime()).toBeLessThanOrEqual(Date.parse(dueAt));
    const created = await dataSource.manager.findBy(ChronologyEntryEntity, {
      subjectId: actionId,
      event: 'action.created',
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ kind: 'system', chain: partnershipId });
    expect(created[0].detail).toEqual({ enquiryId, kind: 'enquiry-report', dueAt });
  });

  it("shows it to its owner, the enquiry's manager and leads, and to no one else", async () => {
    const { actionId } = await chasedDeadline();
    for (const person of [owner, manager]) {
      expect((await get(`/actions/${actionId}`, tokens[person.id])).status).toBe(200);
    }
    expect((await get(`/actions/${actionId}`)).status).toBe(200);
    // Need to know: a colleague of the owner's agency is not told about it, nor is an outsider.
    for (const person of [colleague, outsider]) {
      expect((await get(`/actions/${actionId}`, tokens[person.id])).status).toBe(404);
    }
  });

  it('refuses to complete, cancel or reassign it outside the enquiry (409 and why)', async () => {
    const { actionId, enquiryReference } = await chasedDeadline();
    const { reference } = await action(actionId);
    const closes = `${reference} is a deadline of enquiry ${enquiryReference}: it closes when the enquiry records that step`;

    const complete = await post(`/actions/${actionId}/complete`, {}, tokens[owner.id]);
    expect(complete.status).toBe(409);
    expect(complete.contentType).toContain('application/problem+json');
    expect(complete.body.detail).toBe(closes);

    const cancel = await post(
      `/actions/${actionId}/cancel`,
      { reason: 'No longer needed' },
      tokens[manager.id],
    );
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toBe(closes);

    // The owner may never reassign an item: that is a 403 before the enquiry's 409.
    const byOwner = await post(
      `/actions/${actionId}/reassign`,
      { newOwnerId: colleague.id },
      tokens[owner.id],
    );
    expect(byOwner.status).toBe(403);
    const reassign = await post(`/actions/${actionId}/reassign`, { newOwnerId: colleague.id });
    expect(reassign.status).toBe(409);
    expect(reassign.body.detail).toMatch(
      new RegExp(`^${reference} is a deadline of enquiry ${enquiryReference}: `),
    );

    const after = (await get(`/actions/${actionId}`)).body;
    expect(after).toMatchObject({ status: 'open', ownerId: owner.id, notes: [] });
  });

  it("lets the owner acknowledge it and ask for more time, which the enquiry's manager decides", async () => {
    const { actionId, dueAt } = await chasedDeadline();
    const acknowledged = await post(`/actions/${actionId}/acknowledge`, {}, tokens[owner.id]);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.acknowledged).toBe(true);

    const { reference } = await action(actionId);
    const asked = new Date(Date.parse(dueAt) + 10 * DAY).toISOString();
    const request = await post(
      `/actions/${actionId}/extension-request`,
      { proposedDueAt: asked, reason: 'Waiting for the care home records' },
      tokens[owner.id],
    );
    expect(request.status).toBe(200);
    await waitForEmail(
      (e) => e.to.includes(manager.email) && e.subject === `Extension requested: ${reference}`,
    );

    const byOwner = await post(
      `/actions/${actionId}/extension-decision`,
      { decision: 'approve', newDueAt: asked },
      tokens[owner.id],
    );
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.detail).toBe(
      "only the enquiry's manager or a safeguarding lead can decide on more time",
    );

    const approved = await post(
      `/actions/${actionId}/extension-decision`,
      { decision: 'approve', newDueAt: asked },
      tokens[manager.id],
    );
    expect(approved.status).toBe(200);
    expect(approved.body.dueAt).toBe(asked);
  });

  it('writes the read model from each snapshot, settles items and ignores stale writes', async () => {
    const { enquiryId, actionId, dueAt } = await chasedDeadline();
    const delegationId = randomUUID();
    const decisionId = randomUUID();
    await dataSource.manager.insert(EnquiryDelegationEntity, {
      id: delegationId,
      enquiryId,
      agencyId: provider.id,
      contactId: owner.id,
      requestedById: manager.id,
      requestedAt: new Date(),
      reportDueAt: new Date(dueAt),
      complex: false,
      scope: 'Care at the home',
      adultsViews: 'Wants to stay',
      desiredOutcomes: 'Feel safe',
      capacityView: 'has-capacity',
      periodFrom: '2026-01-01',
      periodTo: '2026-02-01',
      keyIssues: 'Missed medication',
      sharingConsent: 'consented',
      status: 'requested',
    });
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    const base: EnquiryStateSnapshot = {
      enquiryId,
      version: 1,
      changedAt: later(0),
      event: 'enquiry.delegated',
      actorId: manager.id,
      stage: 'enquiry',
      step: 'awaiting-acceptance',
      enquiryType: 'section-42',
      enquiryManagerId: manager.id,
      delegationId,
      delegatedAgencyId: provider.id,
      delegationStatus: 'requested',
      decisionId,
      openItems: [{ actionId, kind: 'enquiry-report', ownerId: owner.id, dueAt }],
      detail: { delegationId },
    };
    await activities.recordEnquiryState(base);
    expect(await enquiry(enquiryId)).toMatchObject({
      stage: 'enquiry',
      step: 'awaiting-acceptance',
      delegationId,
      decidedAt: new Date(base.changedAt),
      nextDueAt: new Date(dueAt),
      concludedAt: null,
      processVersion: 1,
    });

    const { processVersion } = await action(actionId);
    const accepted: EnquiryStateSnapshot = {
      ...base,
      version: 2,
      changedAt: later(1),
      event: 'enquiry.delegation-accepted',
      step: 'in-progress',
      ledBy: 'delegated',
      enquirerId: owner.id,
      delegationStatus: 'accepted',
      openItems: [],
      settledItems: [{ actionId, settlement: 'completed' }],
    };
    await activities.recordEnquiryState(accepted);
    expect(await enquiry(enquiryId)).toMatchObject({
      step: 'in-progress',
      enquirerId: owner.id,
      nextDueAt: null,
      decidedAt: new Date(base.changedAt),
    });
    expect(
      await dataSource.manager.findOneByOrFail(EnquiryDelegationEntity, { id: delegationId }),
    ).toMatchObject({
      status: 'accepted',
      enquirerId: owner.id,
      respondedAt: new Date(accepted.changedAt),
    });
    // Closed at once for readers, while its chaser's own later write still lands.
    expect(await action(actionId)).toMatchObject({
      status: 'completed',
      completedAt: new Date(accepted.changedAt),
      nextReminderAt: null,
      processVersion,
    });

    // A retry or an older snapshot changes nothing.
    await activities.recordEnquiryState({ ...base, changedAt: later(2) });
    await activities.recordEnquiryState(accepted);
    expect((await enquiry(enquiryId)).step).toBe('in-progress');
    expect((await chronology(enquiryId)).map((entry) => entry.event)).toEqual([
      'enquiry.delegated',
      'enquiry.delegation-accepted',
    ]);

    const settings = stackTemporalSettings();
    await withClient(
      (client) =>
        client.workflow
          .getHandle(actionWorkflowId(actionId))
          .signal(settleChaseSignal, { actorId: owner.id, settlement: 'completed' }),
      settings.dataConverter,
    );
    const settled = await eventually('the chaser to record its settlement', async () => {
      const item = await action(actionId);
      return item.processVersion > processVersion ? item : undefined;
    });
    expect(settled).toMatchObject({ status: 'completed' });

    // Paused: only the plan's reviews keep running; absent fields are cleared.
    const reviewDue = new Date(Date.now() + 40 * DAY).toISOString();
    const paused: EnquiryStateSnapshot = {
      ...accepted,
      version: 3,
      changedAt: later(3),
      event: 'enquiry.paused',
      stage: 'outcome',
      step: undefined,
      pausedSince: later(3),
      settledItems: [],
      openItems: [
        { actionId: randomUUID(), kind: 'outcome-and-plan', ownerId: manager.id, dueAt },
        { actionId: randomUUID(), kind: 'plan-review', ownerId: manager.id, dueAt: reviewDue },
      ],
    };
    await activities.recordEnquiryState(paused);
    expect(await enquiry(enquiryId)).toMatchObject({
      step: null,
      nextDueAt: new Date(reviewDue),
      concludedAt: new Date(paused.changedAt),
      closedAt: null,
    });

    const closed: EnquiryStateSnapshot = {
      ...paused,
      version: 4,
      changedAt: later(4),
      event: 'enquiry.closed',
      stage: 'closed',
      closure: 'concluded',
      pausedSince: undefined,
      openItems: [],
    };
    await activities.recordEnquiryState(closed);
    expect(await enquiry(enquiryId)).toMatchObject({
      stage: 'closed',
      closure: 'concluded',
      pausedSince: null,
      nextDueAt: null,
      concludedAt: new Date(paused.changedAt),
      closedAt: new Date(closed.changedAt),
    });
    const entries = await chronology(enquiryId);
    expect(entries.at(-1)).toMatchObject({
      event: 'enquiry.closed',
      actorId: manager.id,
      chain: partnershipId,
    });
    expect(entries.at(-1)?.detail).toEqual({ stage: 'closed', version: 4, delegationId });
  });
});
