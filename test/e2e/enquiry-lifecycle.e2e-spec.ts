import {
  caughtEmails,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postSucceeding,
  tokenFor,
  waitForEmail,
  type TestPerson,
} from './support/http';
import { meetingRecordLedBy } from './support/meetings';
import { decodedPayloads, rawHistory, utf8 } from './support/temporal';

/**
 * A Section 42 enquiry over HTTP on the real stack, from the concern to closure: every command
 * answers with the enquiry as it now stands (read-your-writes), or 409 with the workflow's reason.
 * Timers of days are covered under time skipping in the workflow spec; here the clock is real.
 */
describe('Section 42 enquiry lifecycle', () => {
  const ADULT = 'Mrs Example Adult';
  const SUMMARY = 'Neighbour says Mrs Example has had no heating for a week';
  const REPORT = 'Visited Mrs Example at home with her GP';
  const DAY_MS = 24 * 3600 * 1000;
  let partnershipId: string;
  let council: { id: string };
  let trust: { id: string };
  let triage: TestPerson;
  let manager: TestPerson;
  let lead: TestPerson;
  let planLead: TestPerson;
  let trustLead: TestPerson;
  let trustEnquirer: TestPerson;
  let trustColleague: TestPerson;
  const tokens: Record<string, string> = {};
  const as = (person: TestPerson) => tokens[person.id];

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    council = await createAgency('local-authority', [partnershipId]);
    trust = await createAgency('nhs-trust', [partnershipId]);
    triage = await createPerson('Triage Worker', { agencyId: council.id });
    manager = await createPerson('Enquiry Manager', { agencyId: council.id });
    lead = await createPerson('Council Lead', {
      agencyId: council.id,
      roles: ['safeguarding-lead'],
    });
    planLead = await createPerson('Plan Lead', { agencyId: council.id });
    trustLead = await createPerson('Trust Safeguarding Lead', {
      agencyId: trust.id,
      roles: ['designated-safeguarding-lead'],
    });
    trustEnquirer = await createPerson('Trust Enquirer', { agencyId: trust.id });
    trustColleague = await createPerson('Trust Colleague', { agencyId: trust.id });
    for (const person of [
      triage,
      manager,
      lead,
      planLead,
      trustLead,
      trustEnquirer,
      trustColleague,
    ]) {
      tokens[person.id] = await tokenFor(person.email);
    }
  });

  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

  function concern(extra: Record<string, unknown> = {}) {
    return {
      partnershipId,
      receivedAt: new Date().toISOString(),
      source: 'health-staff',
      referrerAgencyId: trust.id,
      adult: { fullName: ADULT, dateOfBirth: '1941-03-09' },
      riskTypes: ['neglect-and-acts-of-omission', 'financial-or-material'],
      riskLocation: 'own-home',
      riskSource: 'other-known-to-individual',
      urgency: 'routine',
      concernSummary: SUMMARY,
      ...extra,
    };
  }

  const raise = (extra: Record<string, unknown> = {}, by = triage) =>
    postSucceeding('/enquiries', concern(extra), as(by), 201);

  /** A command that must succeed: its answer is the enquiry as it now stands. */
  const command = (path: string, body: unknown, by: TestPerson) =>
    postSucceeding(path, body, as(by));

  const deadline = (enquiry: any, kind: string) =>
    enquiry.openDeadlines.find((item: any) => item.kind === kind);

  async function strategyMeeting(kind = 'strategy-discussion') {
    const response = await post(
      '/meetings',
      {
        partnershipId,
        type: kind,
        heldAt: new Date().toISOString(),
        chairId: manager.id,
        minuteTakerId: manager.id,
        attendees: [
          { personId: manager.id, agencyId: council.id },
          { personId: trustLead.id, agencyId: trust.id },
        ],
        decisions: [],
        ...meetingRecordLedBy(manager.id),
        actions: [],
      },
      as(manager),
    );
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  /** The answers every Section 42 decision gives: consent, and the view of capacity. */
  const ASKED = { consentSought: true, capacityView: 'has-capacity' };

  const delegation = {
    scope: 'Whether Mrs Example’s care package was delivered',
    adultsViews: 'Wants to stay at home',
    desiredOutcomes: 'Warm and safe at home',
    capacityView: 'has-capacity',
    periodFrom: '2026-09-01',
    periodTo: '2026-11-20',
    keyIssues: 'Missed visits, heating',
    sharingConsent: 'consented',
  };

  /** A concern taken to a delegation to the trust, step by step. */
  async function delegatedToTrust() {
    const { id } = await raise();
    await command(`/enquiries/${id}/acknowledge`, { enquiryManagerId: manager.id }, triage);
    await command(
      `/enquiries/${id}/decision`,
      { dutyMet: true, reason: 'Duty met', ...ASKED },
      manager,
    );
    const meetingId = await strategyMeeting();
    await command(`/enquiries/${id}/strategy-discussion`, { meetingId }, manager);
    return command(`/enquiries/${id}/delegations`, { agencyId: trust.id, ...delegation }, manager);
  }

  it('follows a delegated enquiry from the concern to closure', async () => {
    // 1. The concern: its acknowledgement is due by the time the raise answers.
    const raised = await raise();
    const id = raised.id;
    expect(raised.reference).toMatch(/^ENQ-\d{4}-\d{6}$/);
    expect(raised).toMatchObject({
      stage: 'concern',
      urgency: 'routine',
      adult: { fullName: ADULT, dateOfBirth: '1941-03-09' },
      categories: { riskTypes: ['neglect-and-acts-of-omission', 'financial-or-material'] },
      people: { raisedById: triage.id, triageWorkerId: triage.id, enquiryManagerId: null },
    });
    expect(deadline(raised, 'concern-acknowledgement')).toMatchObject({
      ownerId: triage.id,
      status: 'open',
    });
    // Another agency's staff see nothing until the enquiry is delegated to them.
    expect((await get(`/enquiries/${id}`, as(trustLead))).status).toBe(404);

    // 2. Acknowledged by the triage worker, naming the enquiry manager.
    expect((await post(`/enquiries/${id}/acknowledge`, {}, as(manager))).status).toBe(403);
    const acknowledged = await command(
      `/enquiries/${id}/acknowledge`,
      { enquiryManagerId: manager.id },
      triage,
    );
    expect(acknowledged.stage).toBe('decision');
    expect(deadline(acknowledged, 'concern-acknowledgement')).toBeUndefined();
    const decisionDue = deadline(acknowledged, 's42-decision');
    expect(decisionDue.ownerId).toBe(manager.id);
    expect(Date.parse(decisionDue.nextReminderAt)).toBeLessThanOrEqual(
      Date.parse(decisionDue.dueAt),
    );

    // 3. The duty is met.
    expect(
      (
        await post(
          `/enquiries/${id}/decision`,
          { dutyMet: true, reason: 'x', ...ASKED },
          as(triage),
        )
      ).status,
    ).toBe(403);
    const withoutConsent = await post(
      `/enquiries/${id}/decision`,
      { dutyMet: true, reason: 'x', consentSought: false },
      as(manager),
    );
    expect(withoutConsent.status).toBe(400);
    expect(JSON.stringify(withoutConsent.body)).toContain('consentNotSoughtReason');
    // Consent and the view of capacity are answers every decision gives.
    const unanswered = await post(
      `/enquiries/${id}/decision`,
      { dutyMet: true, reason: 'x' },
      as(manager),
    );
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['consentSought', 'capacityView']),
    );
    const decided = await command(
      `/enquiries/${id}/decision`,
      {
        dutyMet: true,
        reason: 'Risk of neglect; Mrs Example cannot protect herself',
        consentSought: true,
        capacityView: 'has-capacity',
        advocacy: 'independent-advocate-arranged',
      },
      manager,
    );
    expect(decided.stage).toBe('strategy-discussion');
    expect(decided.decision).toMatchObject({
      kind: 'decision',
      facts: {
        dutyMet: true,
        otherEnquiry: false,
        consentSought: true,
        capacityView: 'has-capacity',
        advocacy: 'independent-advocate-arranged',
      },
      authorId: manager.id,
    });
    expect(deadline(decided, 'strategy-discussion').ownerId).toBe(manager.id);

    // 4. The strategy discussion is a meeting recorded as one.
    const notStrategy = await post(
      `/enquiries/${id}/strategy-discussion`,
      { meetingId: await strategyMeeting('professionals-meeting') },
      as(manager),
    );
    expect(notStrategy.status).toBe(409);
    expect(notStrategy.body.errors[0].field).toBe('meetingId');
    const meetingId = await strategyMeeting();
    const discussed = await command(`/enquiries/${id}/strategy-discussion`, { meetingId }, manager);
    expect(discussed).toMatchObject({
      stage: 'enquiry',
      step: 'awaiting-lead',
      strategyMeetingId: meetingId,
    });
    expect(deadline(discussed, 'enquiry-report').ownerId).toBe(manager.id);

    // 5. Caused to the NHS trust: its designated lead answers, the report date is the policy's.
    const badPeriod = await post(
      `/enquiries/${id}/delegations`,
      { agencyId: trust.id, ...delegation, periodTo: '2026-08-01' },
      as(manager),
    );
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors).toEqual([
      { field: 'periodTo', message: 'must not be before periodFrom' },
    ]);
    // Sharing the adult's information with the trust: consented, or overridden on a ground.
    const noGround = await post(
      `/enquiries/${id}/delegations`,
      { agencyId: trust.id, ...delegation, sharingConsent: 'overridden' },
      as(manager),
    );
    expect(noGround.status).toBe(400);
    expect(noGround.body.errors.map((e: any) => e.field)).toEqual(['sharingOverriddenOn']);
    const delegated = await command(
      `/enquiries/${id}/delegations`,
      { agencyId: trust.id, ...delegation },
      manager,
    );
    expect(delegated.step).toBe('awaiting-acceptance');
    expect(delegated.delegation).toMatchObject({
      agencyId: trust.id,
      contactId: trustLead.id,
      sharingConsent: 'consented',
      sharingOverriddenOn: null,
      status: 'requested',
      scope: delegation.scope,
    });
    expect(delegated.delegation.reportDueAt).toBe(deadline(delegated, 'enquiry-report').dueAt);
    expect(deadline(delegated, 'delegation-response').ownerId).toBe(trustLead.id);
    const delegationId = delegated.delegation.id;

    // The trust's lead now sees the enquiry and its own part, not the council's decision.
    const seenByTrust = (await get(`/enquiries/${id}`, as(trustLead))).body;
    expect(seenByTrust.adult.fullName).toBe(ADULT);
    expect(seenByTrust.delegation.id).toBe(delegationId);
    expect(seenByTrust.decision).toBeNull();
    expect(seenByTrust.records).toEqual([]);
    // Its timeline tells it about its own part: the delegation and the deadline it holds.
    const trustEvents = seenByTrust.timeline.map((entry: any) => entry.event);
    expect(trustEvents).toContain('enquiry.delegated');
    expect(trustEvents).toContain('action.created');
    expect(trustEvents).not.toContain('enquiry.decision-recorded');
    expect(JSON.stringify(seenByTrust.timeline)).not.toContain('dutyMet');
    const councilSees = (await get(`/enquiries/${id}`, as(manager))).body;
    expect(councilSees.timeline.map((entry: any) => entry.event)).toContain(
      'enquiry.decision-recorded',
    );
    expect((await get(`/enquiries/${id}`, as(trustColleague))).status).toBe(404);

    // 6. No report before the agency accepts: the workflow says why, and nothing is kept.
    const early = await post(`/enquiries/${id}/reports`, { text: REPORT }, as(trustLead));
    expect(early.status).toBe(409);
    expect(early.contentType).toContain('application/problem+json');
    expect(early.body.detail).toBe(
      'the delegated enquiry is waiting for the agency to accept or decline it',
    );
    const afterEarly = (await get(`/enquiries/${id}`, as(manager))).body;
    expect(afterEarly.records.map((r: any) => r.kind)).toEqual(['decision']);

    // 7. Accepted, naming the trust's enquirer, who now owns the report's deadline.
    const byColleague = await post(
      `/enquiries/${id}/delegations/${delegationId}/accept`,
      { enquirerId: trustEnquirer.id },
      as(trustColleague),
    );
    expect(byColleague.status).toBe(404);
    const accepted = await command(
      `/enquiries/${id}/delegations/${delegationId}/accept`,
      { enquirerId: trustEnquirer.id },
      trustLead,
    );
    expect(accepted).toMatchObject({ step: 'in-progress', ledBy: 'delegated' });
    expect(accepted.people.enquirerId).toBe(trustEnquirer.id);
    expect(accepted.delegation).toMatchObject({ status: 'accepted', enquirerId: trustEnquirer.id });
    expect(deadline(accepted, 'enquiry-report')).toMatchObject({
      ownerId: trustEnquirer.id,
      dueAt: delegated.delegation.reportDueAt,
    });

    // 8. A plan for Mrs Example's safety, then a police investigation pauses the enquiry: the
    // report waits, the plan's review does not.
    const planned = await command(
      `/enquiries/${id}/plan`,
      { leadId: planLead.id, text: 'Daily welfare calls to Mrs Example' },
      manager,
    );
    expect(planned.plan).toMatchObject({ kind: 'plan', facts: { leadId: planLead.id } });
    expect(deadline(planned, 'plan-review').ownerId).toBe(planLead.id);
    const paused = await command(
      `/enquiries/${id}/pause`,
      { reason: 'police-investigation', note: 'Police investigating the carer' },
      manager,
    );
    expect(paused.pausedSince).not.toBeNull();
    const whilePaused = await post(`/enquiries/${id}/reports`, { text: REPORT }, as(trustEnquirer));
    expect(whilePaused.status).toBe(409);
    expect(whilePaused.body.detail).toMatch(
      /paused since .* \(police-investigation\): resume it first$/,
    );
    const reviewed = await command(
      `/enquiries/${id}/plan/reviews`,
      { note: 'Calls made' },
      planLead,
    );
    expect(reviewed.records.map((r: any) => r.kind)).toContain('plan-review');
    const resumed = await command(`/enquiries/${id}/resume`, {}, manager);
    expect(resumed.pausedSince).toBeNull();

    // 9. The report, returned with questions and a new date, then answered and accepted.
    const submitted = await command(`/enquiries/${id}/reports`, { text: REPORT }, trustEnquirer);
    expect(submitted.step).toBe('report-in-review');
    expect(deadline(submitted, 'report-review').ownerId).toBe(manager.id);
    const firstReport = submitted.records.filter((r: any) => r.kind === 'report').at(-1);
    expect(firstReport).toMatchObject({ text: REPORT, facts: { delegationId } });

    expect(
      (await post(`/enquiries/${id}/reports/${firstReport.id}/accept`, {}, as(trustEnquirer)))
        .status,
    ).toBe(403);
    const newDueAt = inDays(10);
    const returned = await command(
      `/enquiries/${id}/reports/${firstReport.id}/return`,
      { questions: 'Did Mrs Example say who handles her money?', newDueAt },
      manager,
    );
    expect(returned.step).toBe('in-progress');
    expect(deadline(returned, 'enquiry-report')).toMatchObject({
      ownerId: trustEnquirer.id,
      dueAt: newDueAt,
    });
    // The enquirer sees the questions they are to answer.
    const forEnquirer = (await get(`/enquiries/${id}`, as(trustEnquirer))).body;
    expect(forEnquirer.records.map((r: any) => r.kind)).toEqual([
      'delegation-response',
      'report',
      'report-review',
    ]);

    const again = await command(
      `/enquiries/${id}/reports`,
      { text: `${REPORT}; her son manages her money` },
      trustEnquirer,
    );
    const secondReport = again.records.filter((r: any) => r.kind === 'report').at(-1);
    const concluded = await command(
      `/enquiries/${id}/reports/${secondReport.id}/accept`,
      { note: 'Thorough' },
      manager,
    );
    expect(concluded.stage).toBe('outcome');
    expect(deadline(concluded, 'outcome-and-plan').ownerId).toBe(manager.id);
    // The enquiry is out of the trust's hands once its report is accepted, but the trust keeps
    // the safeguarding plan it has actions in: the plan and its reviews, beside its own request.
    const afterReport = await get(`/enquiries/${id}`, as(trustEnquirer));
    expect(afterReport.status).toBe(200);
    expect([...new Set(afterReport.body.records.map((r: any) => r.kind))].sort()).toEqual([
      'plan',
      'plan-review',
    ]);
    expect(afterReport.body.delegation).toMatchObject({ agencyId: trust.id, status: 'accepted' });
    expect(afterReport.body.outcome ?? null).toBeNull();

    // 10. The outcome in two parts: closing waits for the Making Safeguarding Personal answers.
    const risk = await command(`/enquiries/${id}/outcome`, { riskOutcome: 'reduced' }, manager);
    expect(risk.stage).toBe('outcome');
    expect(risk.outcome.facts).toEqual({ riskOutcome: 'reduced' });
    const refused = await post(`/enquiries/${id}/close`, {}, as(manager));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'it cannot be closed without the Making Safeguarding Personal answers',
    );
    const msp = await command(
      `/enquiries/${id}/outcome`,
      { mspAsked: true, outcomesExpressed: true, outcomesMet: 'partly' },
      manager,
    );
    expect(msp.stage).toBe('monitoring');
    expect(msp.outcome.facts).toEqual({
      riskOutcome: 'reduced',
      mspAsked: true,
      outcomesExpressed: true,
      outcomesMet: 'partly',
    });

    // 11. Closed: nothing is left to chase, and later commands are refused.
    const closed = await command(`/enquiries/${id}/close`, { note: 'Outcomes reviewed' }, manager);
    expect(closed).toMatchObject({ stage: 'closed', closure: 'concluded' });
    expect(closed.openDeadlines).toEqual([]);
    expect((await get(`/enquiries/${id}`, as(trustEnquirer))).status).toBe(404);
    const late = await post(`/enquiries/${id}/plan/reviews`, {}, as(manager));
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('the enquiry is closed');

    // The timeline tells the story in order, with ids and categories only.
    const shown = (await get(`/enquiries/${id}`, as(manager))).body;
    const ofEnquiry = shown.timeline.filter((entry: any) => entry.subjectType === 'enquiry');
    expect(ofEnquiry.map((entry: any) => entry.event)).toEqual([
      'enquiry.raised',
      'enquiry.timetable-started',
      'enquiry.acknowledged',
      'enquiry.decision-recorded',
      'enquiry.strategy-discussion-recorded',
      'enquiry.delegated',
      'enquiry.delegation-accepted',
      'enquiry.plan-agreed',
      'enquiry.paused',
      'enquiry.plan-reviewed',
      'enquiry.resumed',
      'enquiry.report-submitted',
      'enquiry.report-returned',
      'enquiry.report-submitted',
      'enquiry.report-accepted',
      'enquiry.outcome-recorded',
      'enquiry.outcome-recorded',
      'enquiry.closed',
    ]);
    expect(ofEnquiry[2].actorId).toBe(triage.id);
    expect(shown.timeline.some((entry: any) => entry.subjectType === 'action')).toBe(true);
    const times = shown.timeline.map((entry: any) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const words of [ADULT, SUMMARY, REPORT, 'Police investigating']) {
      expect(JSON.stringify(shown.timeline)).not.toContain(words);
    }

    // Reading the case is recorded, and the workflow's history holds ids, never words.
    const access = (await get(`/audit/records/enquiry/${id}/access`)).body;
    expect(access.map((entry: any) => entry.event)).toContain('enquiry.viewed');
    const history = (await decodedPayloads(await rawHistory(`enquiry-${id}`)))
      .map(({ data }) => utf8(data))
      .join('\n');
    expect(history).toContain(id);
    for (const words of ['Mrs Example', REPORT, 'Daily welfare calls', 'Police investigating']) {
      expect(history).not.toContain(words);
    }
  }, 120_000);

  it('closes a concern whose duty is not met, after a pause that stopped the decision', async () => {
    const { id } = await raise();
    await command(`/enquiries/${id}/acknowledge`, { enquiryManagerId: manager.id }, triage);

    const noRoute = await post(
      `/enquiries/${id}/decision`,
      { dutyMet: false, reason: 'Needs an assessment', ...ASKED },
      as(manager),
    );
    expect(noRoute.status).toBe(400);
    expect(noRoute.contentType).toContain('application/problem+json');
    expect(noRoute.body.errors.map((e: any) => e.field)).toEqual(['route']);

    const paused = await command(
      `/enquiries/${id}/pause`,
      { reason: 'other-investigation', note: 'Awaiting the care regulator' },
      manager,
    );
    expect(deadline(paused, 's42-decision')).toBeDefined();
    expect(paused.nextDueAt).toBeNull();
    const whilePaused = await post(
      `/enquiries/${id}/decision`,
      {
        dutyMet: false,
        route: 'care-and-support-assessment',
        reason: 'Needs an assessment',
        ...ASKED,
      },
      as(manager),
    );
    expect(whilePaused.status).toBe(409);
    expect(whilePaused.body.detail).toContain('resume it first');
    // The refused decision left nothing behind.
    const pauseOnly = (await get(`/enquiries/${id}`, as(manager))).body.records;
    expect(pauseOnly.map((r: any) => r.kind)).toEqual(['pause']);

    await command(`/enquiries/${id}/resume`, {}, lead);
    const closed = await command(
      `/enquiries/${id}/decision`,
      {
        dutyMet: false,
        route: 'care-and-support-assessment',
        reason: 'Needs an assessment',
        ...ASKED,
      },
      manager,
    );
    expect(closed).toMatchObject({ stage: 'closed', closure: 'no-enquiry' });
    expect(closed.decision.facts).toEqual({
      dutyMet: false,
      otherEnquiry: false,
      route: 'care-and-support-assessment',
      ...ASKED,
    });
    expect(closed.openDeadlines).toEqual([]);
  });

  it('refuses bad input with problem+json naming each field, and records nothing', async () => {
    const bad = await post(
      '/enquiries',
      concern({
        riskTypes: [],
        urgency: 'soon',
        adult: { fullName: ADULT, dateOfBirth: '1941-02-30' },
      }),
      as(triage),
    );
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual([
      'adult.dateOfBirth',
      'riskTypes',
      'urgency',
    ]);
    expect(JSON.stringify(bad.body)).not.toContain(ADULT);

    const future = await post('/enquiries', concern({ receivedAt: inDays(1) }), as(triage));
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      { field: 'receivedAt', message: 'must not be in the future' },
    ]);

    const outsider = await post(
      '/enquiries',
      concern({ triageWorkerId: trustLead.id }),
      as(triage),
    );
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors[0].field).toBe('triageWorkerId');
  });

  it('lists a lead the partnership’s enquiries, and an agency what was delegated to it', async () => {
    // Raised a week late and urgent: its acknowledgement is already overdue.
    const late = await raise({ urgency: 'urgent', receivedAt: inDays(-7) }, lead);
    expect(late.people.triageWorkerId).toBe(lead.id);
    const fresh = await raise();
    const delegated = await delegatedToTrust();

    const ids = async (query: string, by = lead) => {
      const response = await get(`/partnerships/${partnershipId}/enquiries${query}`, as(by));
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(ADULT);
      return response.body.map((enquiry: any) => enquiry.id);
    };
    const overdue = await ids('?overdue=true');
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(fresh.id);
    const dueSoon = await ids('?dueWithinDays=7');
    expect(dueSoon).toEqual(expect.arrayContaining([late.id, fresh.id]));
    expect(await ids(`?delegatedAgencyId=${trust.id}`)).toEqual([delegated.id]);
    expect(await ids('?stage=concern')).not.toContain(delegated.id);
    const badQuery = await get(`/partnerships/${partnershipId}/enquiries?overdue=maybe`, as(lead));
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].field).toBe('overdue');
    expect((await get(`/partnerships/${partnershipId}/enquiries`, as(manager))).status).toBe(403);

    const forTrust = await get(`/agencies/${trust.id}/delegated-enquiries`, as(trustLead));
    expect(forTrust.status).toBe(200);
    expect(forTrust.body).toEqual([
      expect.objectContaining({
        id: delegated.id,
        reference: delegated.reference,
        stage: 'enquiry',
        step: 'awaiting-acceptance',
        delegationStatus: 'requested',
        contactId: trustLead.id,
        reportDueAt: delegated.delegation.reportDueAt,
      }),
    ]);
    expect(JSON.stringify(forTrust.body)).not.toContain(ADULT);
    expect(
      (await get(`/agencies/${trust.id}/delegated-enquiries`, as(trustColleague))).body,
    ).toEqual([]);
    expect((await get(`/agencies/${trust.id}/delegated-enquiries`, as(manager))).status).toBe(403);

    // The overdue urgent acknowledgement reaches its owner at once, with no personal data.
    await waitForEmail((e) => e.to.includes(lead.email));
    for (const email of await caughtEmails()) {
      for (const words of ['Mrs Example', SUMMARY, REPORT]) {
        expect(email.text).not.toContain(words);
        expect(email.subject).not.toContain(words);
      }
    }
  }, 60_000);
});
