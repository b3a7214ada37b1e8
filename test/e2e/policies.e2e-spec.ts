import { endOfWorkingDayOn, firstSendingAt, ukLocalDate } from '@safeguard/domain';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
} from './support/http';

/** Policy is data: versioned per partnership, validated with field-naming errors, pinned per item. */
describe('partnership policies', () => {
  async function currentPolicy(partnershipId: string) {
    const response = await get(`/partnerships/${partnershipId}/policy`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('validates a draft without publishing it, naming the offending field', async () => {
    const partnership = await createPartnership();
    const { document } = await currentPolicy(partnership.id);

    const valid = await post(`/partnerships/${partnership.id}/policy/validate`, document);
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({ valid: true });

    document.stages['s42.decision'].timescale.workingDays = -1;
    const invalid = await post(`/partnerships/${partnership.id}/policy/validate`, document);
    expect(invalid.status).toBe(422);
    expect(invalid.contentType).toContain('application/problem+json');
    expect(invalid.body.errors).toEqual([
      expect.objectContaining({ field: 'stages["s42.decision"].timescale.workingDays' }),
    ]);
    expect((await currentPolicy(partnership.id)).version).toBe(1);
  });

  it('refuses to publish a bad policy and changes nothing', async () => {
    const partnership = await createPartnership();
    const { document } = await currentPolicy(partnership.id);
    delete document.stages['meeting.action'];

    const response = await post(`/partnerships/${partnership.id}/policy`, document);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(
      'stages["meeting.action"]',
    );
    expect((await currentPolicy(partnership.id)).version).toBe(1);
  });

  it('refuses a policy for another nation, naming nation', async () => {
    const partnership = await createPartnership('northern-ireland');
    const { document } = await currentPolicy(partnership.id);
    const response = await post(`/partnerships/${partnership.id}/policy`, {
      ...document,
      nation: 'scotland',
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'nation', message: 'must be northern-ireland, the nation of this partnership' },
    ]);
  });

  it('publishes a new version for new items while running items keep theirs', async () => {
    const partnership = await createPartnership();
    const agency = await createAgency('care-provider', [partnership.id]);
    const owner = await createPerson('Care worker', { agencyId: agency.id });
    const dueAt = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    const before = (await postAction(owner, { dueAt })).body;
    expect(before.policyVersion).toBe(1);

    const { document } = await currentPolicy(partnership.id);
    document.stages['meeting.action'].timescale.workingDays = 15;
    const published = await post(`/partnerships/${partnership.id}/policy`, document);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, partnershipId: partnership.id });

    const after = (await postAction(owner, { dueAt })).body;
    expect(after.policyVersion).toBe(2);
    expect((await get(`/actions/${before.id}`)).body.policyVersion).toBe(1);

    const original = await get(`/partnerships/${partnership.id}/policy/versions/1`);
    expect(original.body.document.stages['meeting.action'].timescale.workingDays).toBe(10);
    expect((await currentPolicy(partnership.id)).version).toBe(2);
  });

  it('chases running items on the timetable they started under and new items on the new one', async () => {
    const partnership = await createPartnership();
    const agency = await createAgency('care-provider', [partnership.id]);
    const owner = await createPerson('Care worker', { agencyId: agency.id });
    const asOwner = await tokenFor(owner.email);
    const DAY = 24 * 3600 * 1000;
    // Far enough ahead that every reminder of either timetable is still to come.
    const dueAt = new Date(Date.now() + 60 * DAY).toISOString();
    const extendedTo = new Date(Date.now() + 74 * DAY).toISOString();

    const v1 = (await currentPolicy(partnership.id)).document;
    const running = (await postAction(owner, { dueAt })).body;

    // Version 2 reminds eight working days before the due date instead of three.
    const v2 = structuredClone(v1);
    v2.stages['meeting.action'].remindersBeforeDue = [{ workingDays: -8 }, { workingDays: 0 }];
    expect((await post(`/partnerships/${partnership.id}/policy`, v2)).status).toBe(201);
    const started = (await postAction(owner, { dueAt })).body;

    /** The first reminder a timetable plans for a due date, as the chaser lays its plan. */
    const firstReminder = (document: any, due: string) =>
      firstSendingAt(
        document.stages['meeting.action'],
        new Date(due),
        { nation: document.nation, sendWindow: document.sendWindow, urgent: false },
        Date.now(),
      );
    expect(firstReminder(v1, dueAt)).not.toBe(firstReminder(v2, dueAt));
    expect(running.nextReminderAt).toBe(firstReminder(v1, dueAt));
    expect(started.nextReminderAt).toBe(firstReminder(v2, dueAt));
    expect((await get(`/actions/${running.id}`)).body.nextReminderAt).toBe(
      firstReminder(v1, dueAt),
    );
    // The ladder people read comes from the pinned version too: its first step is the next
    // reminder, and its escalation tiers are that version's, in order.
    const firstStep = (view: any) => view.chasePlan.find((step: any) => !step.passed)?.at;
    const tiers = (view: any) =>
      view.chasePlan
        .filter((step: any) => step.kind === 'escalation')
        .map((step: any) => step.notify);
    const policyTiers = (document: any) =>
      document.stages['meeting.action'].escalation.map((tier: any) => tier.notify);
    expect(firstStep(running)).toBe(firstReminder(v1, dueAt));
    expect(firstStep(started)).toBe(firstReminder(v2, dueAt));
    expect(tiers(running)).toEqual(policyTiers(v1));
    expect(tiers(running).length).toBeGreaterThan(0);

    // More time moves every later timer: each chaser lays its plan again, now that version 2 is
    // current, and the answer shows the plan its workflow recorded.
    for (const action of [running, started]) {
      const asked = await post(
        `/actions/${action.id}/extension-request`,
        { proposedDueAt: extendedTo, reason: 'Waiting for the care plan review' },
        asOwner,
      );
      expect(asked.status).toBe(200);
    }
    const extend = (id: string) =>
      post(`/actions/${id}/extension-decision`, { decision: 'approve', newDueAt: extendedTo });
    const runningExtended = await extend(running.id);
    const startedExtended = await extend(started.id);
    expect(runningExtended.status).toBe(200);
    expect(runningExtended.body).toMatchObject({
      dueAt: extendedTo,
      nextReminderAt: firstReminder(v1, extendedTo),
    });
    expect(firstStep(runningExtended.body)).toBe(firstReminder(v1, extendedTo));
    expect(startedExtended.status).toBe(200);
    expect(startedExtended.body).toMatchObject({
      dueAt: extendedTo,
      nextReminderAt: firstReminder(v2, extendedTo),
    });
  });

  it('answers 404 for an unknown version and 400 for a malformed one', async () => {
    const partnership = await createPartnership();
    expect((await get(`/partnerships/${partnership.id}/policy/versions/9`)).status).toBe(404);
    // Too large for a version, the last one used to reach the database and fail there: 500.
    for (const version of ['latest', '0', '99999999999']) {
      const malformed = await get(`/partnerships/${partnership.id}/policy/versions/${version}`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([
        { field: 'version', message: 'version must be a whole number from 1 to 2147483647' },
      ]);
    }
  });

  it('reads a due date given as a day as the end of that working day under the item’s policy', async () => {
    const partnership = await createPartnership();
    const agency = await createAgency('care-provider', [partnership.id]);
    const owner = await createPerson('Care worker', { agencyId: agency.id });
    const asOwner = await tokenFor(owner.email);
    const shorterDay = (await currentPolicy(partnership.id)).document;
    shorterDay.workingDay = { start: '08:00', end: '16:00' };
    expect((await post(`/partnerships/${partnership.id}/policy`, shorterDay)).status).toBe(201);
    const DAY = 24 * 3600 * 1000;
    const action = (
      await postAction(owner, { dueAt: new Date(Date.now() + 10 * DAY).toISOString() })
    ).body;

    const asked = ukLocalDate(new Date(Date.now() + 40 * DAY));
    const typed = `${asked.year}-${String(asked.month).padStart(2, '0')}-${String(asked.day).padStart(2, '0')}`;
    const requested = await post(
      `/actions/${action.id}/extension-request`,
      { proposedDueAt: typed, reason: 'Waiting for the family meeting' },
      asOwner,
    );
    expect(requested.status).toBe(200);
    expect(requested.body.proposedDueAt).toBe(
      endOfWorkingDayOn(asked, shorterDay.workingDay).toISOString(),
    );

    // A day that is not in the calendar is refused by name, and changes nothing.
    const other = (
      await postAction(owner, { dueAt: new Date(Date.now() + 10 * DAY).toISOString() })
    ).body;
    const refused = await post(
      `/actions/${other.id}/extension-request`,
      { proposedDueAt: `${asked.year + 1}-02-30`, reason: 'Waiting' },
      asOwner,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'proposedDueAt' })]);
    expect((await get(`/actions/${other.id}`)).body.proposedDueAt).toBeNull();
  });
});
