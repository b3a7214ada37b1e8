import {
  caughtEmails,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  tokenFor,
  waitForEmail,
  type TestPerson,
} from './support/http';
import { meetingRecordLedBy } from './support/meetings';

/**
 * A multi-agency meeting recorded over HTTP: its plan is chased by real workflows on the real
 * stack, and every command answers synchronously with the item as it now stands (or 409 and why).
 * Timers of days are covered under time skipping in the workflow specs; here the clock is real.
 */
describe('multi-agency meeting follow-up', () => {
  const DECISION = 'Mrs Example to be offered an advocate';
  const RATIONALE = 'Mrs Example has asked for support at the next visit';
  let partnershipId: string;
  let council: { id: string };
  let trust: { id: string };
  let chair: TestPerson;
  let minuteTaker: TestPerson;
  let owner: TestPerson;
  let colleague: TestPerson;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    council = await createAgency('local-authority', [partnershipId]);
    trust = await createAgency('nhs-trust', [partnershipId]);
    chair = await createPerson('Chair Person', { agencyId: council.id, roles: ['practitioner'] });
    minuteTaker = await createPerson('Minute Taker', { agencyId: council.id });
    owner = await createPerson('Action Owner', { agencyId: trust.id });
    colleague = await createPerson('Trust Colleague', { agencyId: trust.id });
    for (const person of [chair, minuteTaker, owner, colleague]) {
      tokens[person.id] = await tokenFor(person.email);
    }
  });

  const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

  /** The policy's default for an agreed action, as offered to whoever records the meeting. */
  async function defaultActionDue(heldAt: string): Promise<string> {
    const offered = await get(
      `/meetings/due-dates?partnershipId=${partnershipId}&heldAt=${encodeURIComponent(heldAt)}`,
    );
    expect(offered.status).toBe(200);
    return offered.body.action;
  }

  async function recordMeeting(extra: Record<string, unknown> = {}) {
    const heldAt = new Date().toISOString();
    return post('/meetings', {
      partnershipId,
      type: 'strategy-discussion',
      heldAt,
      chairId: chair.id,
      minuteTakerId: minuteTaker.id,
      attendees: [
        { personId: chair.id, agencyId: council.id },
        { personId: owner.id, agencyId: trust.id },
      ],
      caseReference: 'S42-2026-000123',
      decisions: [DECISION],
      ...meetingRecordLedBy(chair.id),
      actions: [
        {
          title: 'Share the GP summary',
          ownerId: owner.id,
          dueAt: inAWeek(),
          rationale: RATIONALE,
        },
        {
          title: 'Arrange the advocate',
          ownerId: owner.id,
          dueAt: await defaultActionDue(heldAt),
          rationale: 'She has substantial difficulty taking part',
        },
      ],
      reviewAt: new Date(Date.now() + 42 * 24 * 3600 * 1000).toISOString(),
      ...extra,
    });
  }

  const actionOf = (meeting: any, title: string) =>
    meeting.items.find((item: any) => item.title === title);

  it('records the plan and chases each item on its own timescale', async () => {
    const response = await recordMeeting();
    expect(response.status).toBe(201);
    const meeting = response.body;
    expect(meeting.reference).toMatch(/^MTG-\d{4}-\d{6}$/);
    expect(meeting.decisions).toEqual([DECISION]);
    expect(meeting.items.map((item: any) => item.kind).sort()).toEqual([
      'action',
      'action',
      'action-log',
      'minutes',
      'review',
    ]);
    const byKind = (kind: string) => meeting.items.find((item: any) => item.kind === kind);
    // Published practice: action log within 1 WD, full minutes within 10 WD; the default offered
    // for an action is the policy's (10 WD); the review is the chair's.
    expect(Date.parse(byKind('action-log').dueAt)).toBeLessThan(
      Date.parse(byKind('minutes').dueAt),
    );
    expect(byKind('action-log').ownerId).toBe(minuteTaker.id);
    expect(byKind('review').ownerId).toBe(chair.id);
    const defaulted = actionOf(meeting, 'Arrange the advocate');
    expect(defaulted.dueAt).toBe(byKind('minutes').dueAt);
    for (const item of meeting.items) {
      expect(item.status).toBe('open');
      expect(item.workflowId).toBe(`action-${item.id}`);
      // Each item shows when its chaser will next act, and never later than it falls due.
      expect(Date.parse(item.nextReminderAt)).toBeLessThanOrEqual(Date.parse(item.dueAt));
    }

    const shown = (await get(`/meetings/${meeting.id}`)).body;
    expect(shown.items).toHaveLength(5);
    expect(shown.attendees).toHaveLength(2);
    expect(shown.adult).toEqual({
      attended: false,
      views: 'Wants to stay at home',
      response: 'The plan keeps her at home, with daily visits',
      notDiscussedReason: null,
    });
    expect(shown.risk).toEqual({
      risks: ['Missed medication'],
      leadId: chair.id,
      capacityConcerns: false,
      capacityAddressed: null,
      sharedWithAdult: null,
    });
    expect(shown.circulation).toEqual([]);
  });

  it('holds the adult’s voice, the views of others and how a capacity concern is addressed', async () => {
    const reason = 'In hospital and too unwell to be visited before the meeting';
    const response = await recordMeeting({
      adult: { attended: false, notDiscussedReason: reason },
      othersViews: [{ voice: 'advocate', views: 'She would want to go home' }],
      risk: {
        risks: ['Missed medication', 'Falls at night'],
        leadId: owner.id,
        capacityConcerns: true,
        capacityAddressed: 'A capacity assessment on the ward this week',
        sharedWithAdult: 'Her advocate explains the plan to her',
      },
    });
    expect(response.status).toBe(201);
    const shown = (await get(`/meetings/${response.body.id}`)).body;
    expect(shown.adult).toEqual({
      attended: false,
      views: null,
      response: null,
      notDiscussedReason: reason,
    });
    expect(shown.othersViews).toEqual([{ voice: 'advocate', views: 'She would want to go home' }]);
    expect(shown.risk).toEqual(
      expect.objectContaining({
        risks: ['Missed medication', 'Falls at night'],
        leadId: owner.id,
        capacityAddressed: 'A capacity assessment on the ward this week',
      }),
    );
  });

  it('refuses a record without the adult’s voice, the risk plan, or an action’s rationale and date', async () => {
    const before = (await get('/me/actions', tokens[owner.id])).body.length;
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ adult: undefined }, 400, 'adult'],
      [{ risk: undefined }, 400, 'risk'],
      [{ adult: { attended: true } }, 422, 'adult.views'],
      [{ adult: { attended: true, views: 'Wants to go home' } }, 422, 'adult.response'],
      [
        { adult: { attended: false, notDiscussedReason: 'Not asked.' } },
        422,
        'adult.notDiscussedReason',
      ],
      [{ risk: { risks: [], leadId: chair.id, capacityConcerns: false } }, 400, 'risk.risks'],
      [
        { risk: { risks: ['Falls'], leadId: chair.id, capacityConcerns: true } },
        422,
        'risk.capacityAddressed',
      ],
      [
        {
          risk: {
            risks: ['Falls'],
            leadId: (await createPerson('Outsider')).id,
            capacityConcerns: false,
          },
        },
        422,
        'risk.leadId',
      ],
      [
        { actions: [{ title: 'No why', ownerId: owner.id, dueAt: inAWeek() }] },
        400,
        'actions.0.rationale',
      ],
      [
        { actions: [{ title: 'No when', ownerId: owner.id, rationale: 'Why' }] },
        400,
        'actions.0.dueAt',
      ],
    ];
    for (const [change, status, field] of refusals) {
      const refused = await recordMeeting(change);
      expect([field, refused.status]).toEqual([field, status]);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body.errors.map((e: any) => e.field)).toContain(field);
    }
    expect((await get('/me/actions', tokens[owner.id])).body.length).toBe(before);
  });

  it('refuses bad input naming the field, and records nothing', async () => {
    const before = (await get('/me/actions', tokens[owner.id])).body.length;
    const badType = await recordMeeting({ type: 'coffee' });
    expect(badType.status).toBe(400);
    expect(badType.contentType).toContain('application/problem+json');
    expect(badType.body.errors.map((e: any) => e.field)).toContain('type');

    const unknownOwner = await recordMeeting({
      actions: [
        {
          title: 'Nobody',
          ownerId: '00000000-0000-4000-8000-000000000000',
          dueAt: inAWeek(),
          rationale: 'Why',
        },
      ],
    });
    expect(unknownOwner.status).toBe(422);
    expect(unknownOwner.body.errors[0].field).toBe('actions.0.ownerId');
    expect((await get('/me/actions', tokens[owner.id])).body.length).toBe(before);
  });

  it('refuses an attendee from outside the partnership, or under another agency’s name', async () => {
    const before = (await get('/me/actions', tokens[owner.id])).body.length;
    const outsider = await createPerson('Outsider');
    for (const [attendee, problem] of [
      [
        { personId: outsider.id, agencyId: outsider.agencyId },
        { field: 'attendees.1.personId', message: 'no person with this id' },
      ],
      [
        { personId: owner.id, agencyId: council.id },
        { field: 'attendees.1.agencyId', message: "is not this attendee's own agency" },
      ],
    ]) {
      const refused = await recordMeeting({
        attendees: [{ personId: chair.id, agencyId: council.id }, attendee],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([problem]);
    }
    expect((await get('/me/actions', tokens[owner.id])).body.length).toBe(before);
  });

  it('lets the owner acknowledge once, and answers a second time with 409 and why', async () => {
    const meeting = (await recordMeeting()).body;
    const action = actionOf(meeting, 'Share the GP summary');

    const byChair = await post(`/actions/${action.id}/acknowledge`, {}, tokens[chair.id]);
    expect(byChair.status).toBe(403);

    const acknowledged = await post(`/actions/${action.id}/acknowledge`, {}, tokens[owner.id]);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.acknowledged).toBe(true);

    const again = await post(`/actions/${action.id}/acknowledge`, {}, tokens[owner.id]);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('the action has already been acknowledged');
  });

  it('moves the due date when the chair approves more time, telling each side by email', async () => {
    const meeting = (await recordMeeting()).body;
    const action = actionOf(meeting, 'Share the GP summary');
    const asked = new Date(Date.parse(action.dueAt) + 14 * 24 * 3600 * 1000).toISOString();

    const request = await post(
      `/actions/${action.id}/extension-request`,
      { proposedDueAt: asked, reason: 'Waiting for Mrs Example’s GP to reply' },
      tokens[owner.id],
    );
    expect(request.status).toBe(200);
    expect(request.body.proposedDueAt).toBe(asked);
    const toChair = await waitForEmail(
      (e) => e.to.includes(chair.email) && e.subject === `Extension requested: ${action.reference}`,
    );
    expect(toChair.text).not.toContain('GP to reply');

    const byOwner = await post(
      `/actions/${action.id}/extension-decision`,
      { decision: 'approve' },
      tokens[owner.id],
    );
    expect(byOwner.status).toBe(403);

    const agreed = new Date(Date.parse(action.dueAt) + 7 * 24 * 3600 * 1000).toISOString();
    const approved = await post(
      `/actions/${action.id}/extension-decision`,
      { decision: 'approve', newDueAt: agreed },
      tokens[chair.id],
    );
    expect(approved.status).toBe(200);
    expect(approved.body.dueAt).toBe(agreed);
    expect(approved.body.proposedDueAt).toBeNull();
    expect(Date.parse(approved.body.nextReminderAt)).toBeLessThanOrEqual(Date.parse(agreed));
    expect(approved.body.notes.map((n: any) => n.kind)).toEqual(['extension-request']);
    await waitForEmail(
      (e) => e.to.includes(owner.email) && e.subject === `Extension approved: ${action.reference}`,
    );

    const none = await post(
      `/actions/${action.id}/extension-decision`,
      { decision: 'refuse' },
      tokens[chair.id],
    );
    expect(none.status).toBe(409);
    expect(none.body.detail).toBe('there is no extension request waiting for a decision');
  });

  it('reassigns an action: the new owner is told and sees it, the due date is kept', async () => {
    const meeting = (await recordMeeting()).body;
    const action = actionOf(meeting, 'Share the GP summary');

    const reassigned = await post(
      `/actions/${action.id}/reassign`,
      { newOwnerId: colleague.id },
      tokens[chair.id],
    );
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.ownerId).toBe(colleague.id);
    expect(reassigned.body.dueAt).toBe(action.dueAt);
    await waitForEmail(
      (e) =>
        e.to.includes(colleague.email) &&
        e.subject === `Action assigned to you: ${action.reference}`,
    );
    const mine = (await get('/me/actions', tokens[colleague.id])).body;
    expect(mine.map((a: any) => a.id)).toContain(action.id);
    const theirs = (await get('/me/actions', tokens[owner.id])).body;
    expect(theirs.map((a: any) => a.id)).not.toContain(action.id);
  });

  it('cancels with a reason: chasing stops, the owner is told, completing it is refused', async () => {
    const meeting = (await recordMeeting()).body;
    const action = actionOf(meeting, 'Arrange the advocate');

    const cancelled = await post(
      `/actions/${action.id}/cancel`,
      { reason: 'Mrs Example declined an advocate' },
      tokens[chair.id],
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.nextReminderAt).toBeNull();
    expect(cancelled.body.notes).toEqual([
      expect.objectContaining({ kind: 'cancellation', text: 'Mrs Example declined an advocate' }),
    ]);
    const email = await waitForEmail(
      (e) => e.to.includes(owner.email) && e.subject === `Action cancelled: ${action.reference}`,
    );
    expect(email.text).not.toContain('declined');

    const complete = await post(
      `/actions/${action.id}/complete`,
      { note: 'Done' },
      tokens[owner.id],
    );
    expect(complete.status).toBe(409);
    expect(complete.body.detail).toBe('the action is already cancelled');
    // The refused command's note is not kept.
    const after = (await get(`/actions/${action.id}`)).body;
    expect(after.notes.map((n: any) => n.kind)).toEqual(['cancellation']);

    const chronology = (await get(`/actions/${action.id}/chronology`, tokens[owner.id])).body;
    expect(chronology.map((e: any) => e.event)).toEqual(
      expect.arrayContaining(['action.created', 'action.cancelled']),
    );
  });

  it('closes the meeting once the minutes are circulated and every item is closed', async () => {
    const meeting = (await recordMeeting({ reviewAt: undefined })).body;
    const everyAgency = { recipientIds: [chair.id, owner.id] };
    const logged = await post(
      `/meetings/${meeting.id}/action-log/circulated`,
      everyAgency,
      tokens[minuteTaker.id],
    );
    expect(logged.status).toBe(200);
    expect(logged.body.items.find((i: any) => i.kind === 'action-log').status).toBe('completed');
    expect(logged.body.circulation.map((c: any) => [c.item, c.personId]).sort()).toEqual(
      [
        ['action-log', chair.id],
        ['action-log', owner.id],
      ].sort(),
    );
    const twice = await post(
      `/meetings/${meeting.id}/action-log/circulated`,
      { recipientIds: [chair.id, owner.id, colleague.id] },
      tokens[minuteTaker.id],
    );
    expect(twice.status).toBe(409);
    // The refused second list left nothing behind.
    expect((await get(`/meetings/${meeting.id}`)).body.circulation).toHaveLength(2);

    const byOwner = await post(
      `/meetings/${meeting.id}/minutes/circulated`,
      everyAgency,
      tokens[owner.id],
    );
    expect(byOwner.status).toBe(403);
    expect(
      (
        await post(
          `/meetings/${meeting.id}/minutes/circulated`,
          everyAgency,
          tokens[minuteTaker.id],
        )
      ).status,
    ).toBe(200);
    for (const action of meeting.items.filter((i: any) => i.kind === 'action')) {
      const done = await post(`/actions/${action.id}/complete`, { note: 'Sent' }, tokens[owner.id]);
      expect(done.status).toBe(200);
    }

    let status = 'open';
    for (let i = 0; i < 100 && status !== 'closed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await get(`/meetings/${meeting.id}`)).body.status;
    }
    expect(status).toBe('closed');
  });

  it('records who received the minutes: someone at every agency that attended, and nothing else closes them', async () => {
    const meeting = (await recordMeeting()).body;
    const minutes = meeting.items.find((item: any) => item.kind === 'minutes');
    const direct = await post(`/actions/${minutes.id}/complete`, {}, tokens[minuteTaker.id]);
    expect(direct.status).toBe(409);
    expect(direct.body.detail).toContain(`/meetings/${meeting.id}/minutes/circulated`);
    const shownToTaker = (await get(`/actions/${minutes.id}`, tokens[minuteTaker.id])).body;
    expect(shownToTaker.yourCommands).not.toContain('complete');

    const path = `/meetings/${meeting.id}/minutes/circulated`;
    const empty = await post(path, { recipientIds: [] }, tokens[minuteTaker.id]);
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: any) => e.field)).toContain('recipientIds');
    const councilOnly = await post(path, { recipientIds: [chair.id] }, tokens[minuteTaker.id]);
    expect(councilOnly.status).toBe(422);
    expect(councilOnly.body.errors[0].field).toBe('recipientIds');
    const outsider = await createPerson('Outsider');
    const foreign = await post(
      path,
      { recipientIds: [chair.id, owner.id, outsider.id] },
      tokens[minuteTaker.id],
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe('recipientIds.2');
    expect((await get(`/meetings/${meeting.id}`)).body.circulation).toEqual([]);

    const before = Date.now();
    const done = await post(path, { recipientIds: [owner.id, chair.id] }, tokens[minuteTaker.id]);
    expect(done.status).toBe(200);
    expect(done.body.items.find((item: any) => item.kind === 'minutes').status).toBe('completed');
    expect(done.body.circulation.map((c: any) => [c.item, c.personId]).sort()).toEqual(
      [
        ['minutes', chair.id],
        ['minutes', owner.id],
      ].sort(),
    );
    for (const entry of done.body.circulation) {
      expect(Date.parse(entry.circulatedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const chronology = (await get(`/audit/records/meeting/${meeting.id}`)).body;
    expect(chronology.map((entry: any) => entry.event)).toContain('meeting.circulated');
  });

  it('shows the record to those who attended or hold an item, and their agencies’ leads, not to every colleague', async () => {
    const absentOwner = await createPerson('Absent Owner', { agencyId: trust.id });
    const trustLead = await createPerson('Trust Lead', {
      agencyId: trust.id,
      roles: ['designated-safeguarding-lead'],
    });
    const meeting = (
      await recordMeeting({
        actions: [
          {
            title: 'Check the MAR charts',
            ownerId: absentOwner.id,
            dueAt: inAWeek(),
            rationale: 'Why',
          },
        ],
      })
    ).body;
    const statusFor = async (token: string) => (await get(`/meetings/${meeting.id}`, token)).status;
    expect(await statusFor(tokens[colleague.id])).toBe(404);
    expect(await statusFor(tokens[owner.id])).toBe(200);
    expect(await statusFor(tokens[minuteTaker.id])).toBe(200);
    expect(await statusFor(await tokenFor(absentOwner.email))).toBe(200);
    expect(await statusFor(await tokenFor(trustLead.email))).toBe(200);
  });

  it('lists a lead the overdue actions by agency, and an owner’s overdue first', async () => {
    const overdueAt = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
    const meeting = (
      await recordMeeting({
        actions: [
          { title: 'Later', ownerId: owner.id, dueAt: inAWeek(), rationale: 'Why' },
          { title: 'Overdue', ownerId: owner.id, dueAt: overdueAt, urgent: true, rationale: 'Why' },
        ],
      })
    ).body;
    const overdue = actionOf(meeting, 'Overdue');

    const forTrust = (
      await get(`/partnerships/${partnershipId}/overdue-actions?agencyId=${trust.id}`)
    ).body;
    expect(forTrust.map((a: any) => a.id)).toContain(overdue.id);
    expect(forTrust.every((a: any) => a.overdue)).toBe(true);
    const forCouncil = (
      await get(`/partnerships/${partnershipId}/overdue-actions?agencyId=${council.id}`)
    ).body;
    expect(forCouncil.map((a: any) => a.id)).not.toContain(overdue.id);

    const mine = (await get('/me/actions', tokens[owner.id])).body;
    const firstNotOverdue = mine.findIndex((a: any) => !a.overdue);
    const lastOverdue = mine.map((a: any) => a.overdue).lastIndexOf(true);
    expect(lastOverdue).toBeLessThan(firstNotOverdue);

    // Recorded already overdue, it tells its owner at once; no email carries the minutes' words.
    await waitForEmail((e) => e.to.includes(owner.email) && e.text.includes(overdue.reference));
    for (const email of await caughtEmails()) {
      expect(email.text).not.toContain('Mrs Example');
      expect(email.subject).not.toContain('Mrs Example');
    }
  });
});
