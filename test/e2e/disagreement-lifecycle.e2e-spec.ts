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
  type CaughtEmail,
  type TestPerson,
} from './support/http';
import { decodedPayloads, rawHistory, utf8 } from './support/temporal';

/**
 * A professional disagreement over HTTP on the real stack (practice primer §3): raised in
 * writing, acknowledged, argued, escalated by a participant, resolved with an agreed action, or
 * withdrawn. Every command answers with the disagreement as it now stands, or 409 with the
 * workflow's reason. Escalation when a stage's timescale passes is covered under time skipping
 * in the workflow spec; here the clock is real.
 */
describe('professional disagreement lifecycle', () => {
  const SUBJECT = 'Threshold for a strategy discussion about Mr Example';
  const DISAGREEMENT = 'Police say Mr Example is not at risk; the ward thinks he is';
  const CONTRIBUTION = 'Mr Example disclosed missing money to the ward nurse';
  const REASON = 'We cannot agree on the threshold between us';
  const OUTCOME = 'Agreed to hold a strategy discussion about Mr Example';
  const ACTION_TITLE = 'Share the ward notes with the police team';
  const WORDS = [SUBJECT, DISAGREEMENT, CONTRIBUTION, REASON, OUTCOME, ACTION_TITLE, 'Mr Example'];
  const DAY_MS = 24 * 3600 * 1000;

  let partnershipId: string;
  let police: { id: string };
  let trust: { id: string };
  let housing: { id: string };
  let officer: TestPerson;
  let sergeant: TestPerson;
  let nurse: TestPerson;
  let wardManager: TestPerson;
  let policeLead: TestPerson;
  let trustLead: TestPerson;
  let housingOfficer: TestPerson;
  let boardManager: TestPerson;
  const tokens: Record<string, string> = {};
  const as = (person: TestPerson) => tokens[person.id];

  beforeAll(async () => {
    partnershipId = (await createPartnership()).id;
    [police, trust, housing] = await Promise.all([
      createAgency('police', [partnershipId]),
      createAgency('nhs-trust', [partnershipId]),
      createAgency('housing', [partnershipId]),
    ]);
    sergeant = await createPerson('Police Sergeant', {
      agencyId: police.id,
      roles: ['line-manager'],
    });
    officer = await createPerson('Police Officer', {
      agencyId: police.id,
      lineManagerId: sergeant.id,
    });
    wardManager = await createPerson('Ward Manager', {
      agencyId: trust.id,
      roles: ['line-manager'],
    });
    nurse = await createPerson('Ward Nurse', { agencyId: trust.id, lineManagerId: wardManager.id });
    policeLead = await createPerson('Police Safeguarding Lead', {
      agencyId: police.id,
      roles: ['designated-safeguarding-lead'],
    });
    trustLead = await createPerson('Trust Safeguarding Lead', {
      agencyId: trust.id,
      roles: ['designated-safeguarding-lead'],
    });
    housingOfficer = await createPerson('Housing Officer', { agencyId: housing.id });
    boardManager = await createPerson('Board Business Manager', {
      agencyId: housing.id,
      roles: ['board-business-manager'],
    });
    for (const person of [
      officer,
      sergeant,
      nurse,
      wardManager,
      policeLead,
      trustLead,
      housingOfficer,
      boardManager,
    ]) {
      tokens[person.id] = await tokenFor(person.email);
    }
  });

  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const ids = (people: Array<{ id: string }>) => people.map((person) => person.id).sort();

  function concern(extra: Record<string, unknown> = {}) {
    return {
      partnershipId,
      otherPersonId: nurse.id,
      caseReference: 'CR-2026/0042',
      themes: ['threshold-for-intervention', 'information-sharing'],
      subject: SUBJECT,
      disagreement: DISAGREEMENT,
      immediateRisk: false,
      ...extra,
    };
  }

  const raise = (extra: Record<string, unknown> = {}, by = officer) =>
    postSucceeding('/disagreements', concern(extra), as(by), 201);

  /** A command that must succeed: its answer is the disagreement as it now stands. */
  const command = (path: string, body: unknown, by: TestPerson) =>
    postSucceeding(path, body, as(by));

  const about = (reference: string, to: TestPerson, title: string) => (email: CaughtEmail) =>
    email.to.includes(to.email) && email.subject === `${title}: ${reference}`;

  it('goes from stage 1 to a resolution at stage 2 with an agreed action', async () => {
    // 1. Raised by a police officer with a ward nurse: both practitioners take part at stage 1.
    const raised = await raise();
    const id = raised.id;
    expect(raised.reference).toMatch(/^DIS-\d{4}-\d{6}$/);
    expect(raised).toMatchObject({
      status: 'open',
      stage: 1,
      stageKey: 'disagreement.stage-1',
      highestStage: 1,
      immediateRisk: false,
      subject: SUBJECT,
      caseReference: 'CR-2026/0042',
      themes: ['threshold-for-intervention', 'information-sharing'],
      raisedBy: { id: officer.id, displayName: 'Police Officer', agencyId: police.id },
      otherPerson: { id: nurse.id, agencyId: trust.id },
      raiserAgencyId: police.id,
      otherAgencyId: trust.id,
      acknowledgedBy: [],
    });
    expect(ids(raised.participants)).toEqual(ids([officer, nurse]));
    expect(Date.parse(raised.stageDueAt)).toBeGreaterThan(Date.now());
    expect(raised.records).toEqual([
      expect.objectContaining({
        kind: 'concern',
        stage: 1,
        text: DISAGREEMENT,
        facts: { subject: SUBJECT },
        author: expect.objectContaining({ id: officer.id }),
      }),
    ]);
    const reference: string = raised.reference;
    await waitForEmail(about(reference, nurse, 'Professional disagreement to acknowledge'));

    // Another agency's practitioner, and the agencies' leads before stage 3, see nothing.
    expect((await get(`/disagreements/${id}`, as(housingOfficer))).status).toBe(404);
    expect((await get(`/disagreements/${id}`, as(trustLead))).status).toBe(404);
    expect((await get(`/disagreements/${id}`, as(nurse))).status).toBe(200);

    // 2. Both acknowledge; twice is refused by the workflow.
    await command(`/disagreements/${id}/acknowledge`, {}, officer);
    const acknowledged = await command(`/disagreements/${id}/acknowledge`, {}, nurse);
    expect(acknowledged.acknowledgedBy.sort()).toEqual(ids([officer, nurse]));
    expect(acknowledged.participants.every((p: any) => p.acknowledged)).toBe(true);
    const twice = await post(`/disagreements/${id}/acknowledge`, {}, as(nurse));
    expect(twice.status).toBe(409);
    expect(twice.contentType).toContain('application/problem+json');
    expect(twice.body.detail).toBe('you have already acknowledged stage 1');

    // 3. The nurse adds to the record in writing.
    const contributed = await command(
      `/disagreements/${id}/contributions`,
      { text: CONTRIBUTION },
      nurse,
    );
    expect(contributed.records.at(-1)).toMatchObject({
      kind: 'contribution',
      stage: 1,
      text: CONTRIBUTION,
      author: { id: nurse.id },
    });

    // 4. The officer escalates: their line managers take part now, and both sides are told.
    const escalated = await command(`/disagreements/${id}/escalate`, { reason: REASON }, officer);
    expect(escalated).toMatchObject({
      status: 'open',
      stage: 2,
      stageKey: 'disagreement.stage-2',
      highestStage: 2,
      acknowledgedBy: [],
    });
    expect(ids(escalated.participants)).toEqual(ids([sergeant, wardManager]));
    expect(escalated.records.at(-1)).toMatchObject({ kind: 'escalation', stage: 1, text: REASON });
    for (const side of [officer, nurse]) {
      await waitForEmail(about(reference, side, 'Professional disagreement escalated'));
    }
    await waitForEmail(about(reference, wardManager, 'Professional disagreement to acknowledge'));

    // 5. Stage 2 is the managers': the officer may not resolve it now (nothing is kept).
    const notTheirs = await post(`/disagreements/${id}/resolve`, { outcome: OUTCOME }, as(officer));
    expect(notTheirs.status).toBe(409);
    expect(notTheirs.body.detail).toBe('only the people taking part at stage 2 can do this');
    const pastDue = await post(
      `/disagreements/${id}/resolve`,
      {
        outcome: OUTCOME,
        agreedActions: [{ title: ACTION_TITLE, ownerId: nurse.id, dueAt: inDays(-1) }],
      },
      as(sergeant),
    );
    expect(pastDue.status).toBe(400);
    expect(pastDue.body.errors).toEqual([
      { field: 'agreedActions.0.dueAt', message: 'must be in the future' },
    ]);
    const afterRefusals = (await get(`/disagreements/${id}`, as(sergeant))).body;
    expect(afterRefusals.records.map((r: any) => r.kind)).toEqual([
      'concern',
      'contribution',
      'escalation',
    ]);

    // 6. The sergeant resolves it at stage 2 with one agreed action, chased like any other.
    const dueAt = inDays(10);
    const resolved = await command(
      `/disagreements/${id}/resolve`,
      {
        outcome: OUTCOME,
        agreedActions: [{ title: ACTION_TITLE, ownerId: nurse.id, dueAt }],
      },
      sergeant,
    );
    expect(resolved).toMatchObject({ status: 'resolved', stage: 2, highestStage: 2 });
    expect(resolved.closedAt).not.toBeNull();
    const outcome = resolved.records.at(-1);
    expect(outcome).toMatchObject({
      kind: 'outcome',
      stage: 2,
      text: OUTCOME,
      facts: { agreedActions: [{ title: ACTION_TITLE, ownerId: nurse.id, dueAt }] },
      author: { id: sergeant.id },
    });
    expect(resolved.outcomeId).toBe(outcome.id);
    expect(resolved.agreedActions).toEqual([
      expect.objectContaining({
        reference: expect.stringMatching(/^ACT-\d{4}-\d{6}$/),
        title: ACTION_TITLE,
        owner: expect.objectContaining({ id: nurse.id }),
        dueAt,
        status: 'open',
      }),
    ]);
    const actionId = resolved.agreedActions[0].id;
    const action = await get(`/actions/${actionId}`, as(nurse));
    expect(action.status).toBe(200);
    expect(action.body).toMatchObject({ ownerId: nurse.id, dueAt, status: 'open' });
    expect(Date.parse(action.body.nextReminderAt)).toBeLessThanOrEqual(Date.parse(dueAt));
    expect((await rawHistory(`action-${actionId}`)).events?.length).toBeGreaterThan(0);
    await waitForEmail(about(reference, officer, 'Professional disagreement resolved'));

    // 7. Over: later commands are refused with the reason.
    const late = await post(`/disagreements/${id}/escalate`, { reason: REASON }, as(sergeant));
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('the disagreement has been resolved');

    // Those who took part at stage 1 still see it; the timeline tells the story in order.
    const shown = (await get(`/disagreements/${id}`, as(nurse))).body;
    const events = shown.timeline
      .filter((entry: any) => entry.subjectType === 'disagreement')
      .map((entry: any) => entry.event)
      .filter((event: string) => event.startsWith('disagreement.'));
    expect(events).toEqual([
      'disagreement.raised',
      'disagreement.ladder-started',
      'disagreement.acknowledged',
      'disagreement.acknowledged',
      'disagreement.contribution',
      'disagreement.escalated',
      'disagreement.resolved',
    ]);
    expect(shown.timeline[0]).toMatchObject({ event: 'disagreement.raised', actorId: officer.id });
    expect(
      shown.timeline.some(
        (entry: any) => entry.subjectType === 'action' && entry.subjectId === actionId,
      ),
    ).toBe(true);
    const times = shown.timeline.map((entry: any) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const words of WORDS) expect(JSON.stringify(shown.timeline)).not.toContain(words);

    // Emails and the workflow's history carry references and ids, never words.
    for (const email of await caughtEmails()) {
      for (const words of WORDS) {
        expect(email.subject).not.toContain(words);
        expect(email.text).not.toContain(words);
        expect(email.html).not.toContain(words);
      }
    }
    const history = (await decodedPayloads(await rawHistory(`disagreement-${id}`)))
      .map(({ data }) => utf8(data))
      .join('\n');
    expect(history).toContain(id);
    for (const words of WORDS) expect(history).not.toContain(words);
  }, 120_000);

  it('starts at stage 3 with the designated leads when there is an immediate risk', async () => {
    const raised = await raise(
      { otherPersonId: undefined, otherAgencyId: police.id, immediateRisk: true },
      nurse,
    );
    expect(raised).toMatchObject({
      status: 'open',
      stage: 3,
      stageKey: 'disagreement.stage-3',
      highestStage: 3,
      immediateRisk: true,
      otherPerson: null,
      raiserAgencyId: trust.id,
      otherAgencyId: police.id,
    });
    expect(raised.records[0]).toMatchObject({ kind: 'concern', stage: 3 });
    expect(ids(raised.participants)).toEqual(ids([policeLead, trustLead]));
    await waitForEmail(
      about(raised.reference, policeLead, 'Professional disagreement to acknowledge'),
    );

    // The leads take part now, so they see it; a practitioner of the agency does not.
    expect((await get(`/disagreements/${raised.id}`, as(policeLead))).status).toBe(200);
    expect((await get(`/disagreements/${raised.id}`, as(officer))).status).toBe(404);
    const acknowledged = await command(`/disagreements/${raised.id}/acknowledge`, {}, policeLead);
    expect(acknowledged.acknowledgedBy).toEqual([policeLead.id]);
    // The raiser is no participant at stage 3: the workflow says so.
    const byRaiser = await post(`/disagreements/${raised.id}/acknowledge`, {}, as(nurse));
    expect(byRaiser.status).toBe(409);
    expect(byRaiser.body.detail).toBe('only the people taking part at stage 3 can do this');
  });

  it('reaches the board at stage 4: the chair is informed, then the board decides', async () => {
    const raised = await raise({ immediateRisk: true });
    const id = raised.id;
    expect((await get(`/disagreements/${id}`, as(boardManager))).status).toBe(404);
    const atBoard = await command(`/disagreements/${id}/escalate`, { reason: REASON }, trustLead);
    expect(atBoard).toMatchObject({ stage: 4, stageKey: 'disagreement.stage-4-inform' });
    expect(ids(atBoard.participants)).toEqual(ids([boardManager]));
    // The board sees stages, agencies, themes and dates: no one's details, no one's words.
    const seenByBoard = await get(`/disagreements/${id}`, as(boardManager));
    expect(seenByBoard.status).toBe(200);
    expect(seenByBoard.body).toMatchObject({
      stage: 4,
      themes: raised.themes,
      subject: null,
      caseReference: null,
      raisedBy: { id: raised.raisedBy.id, displayName: null },
    });
    expect(seenByBoard.body.records.length).toBeGreaterThan(0);
    expect(seenByBoard.body.records.every((record: any) => record.text === null)).toBe(true);
    const onPage = JSON.stringify(seenByBoard.body);
    for (const words of [SUBJECT, DISAGREEMENT, REASON, 'Mr Example', officer.displayName]) {
      expect(onPage).not.toContain(words);
    }

    const early = await post(
      `/disagreements/${id}/resolve`,
      { outcome: OUTCOME },
      as(boardManager),
    );
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(
      'the independent chair must be informed before the board decides',
    );
    const informed = await command(`/disagreements/${id}/acknowledge`, {}, boardManager);
    expect(informed).toMatchObject({ stage: 4, stageKey: 'disagreement.stage-4-decide' });
    const last = await post(`/disagreements/${id}/escalate`, { reason: REASON }, as(boardManager));
    expect(last.status).toBe(409);
    expect(last.body.detail).toBe('stage 4 is the last stage: the board decides');
    const decided = await command(
      `/disagreements/${id}/resolve`,
      { outcome: OUTCOME },
      boardManager,
    );
    expect(decided).toMatchObject({ status: 'resolved', highestStage: 4, agreedActions: [] });
    // The board's answer too is without words; those it recorded reach the people taking part.
    expect(decided.records.at(-1)).toMatchObject({ kind: 'outcome', stage: 4, text: null });
    const seenByRaiser = (await get(`/disagreements/${id}`, as(officer))).body;
    expect(seenByRaiser.records.at(-1)).toMatchObject({ kind: 'outcome', stage: 4, text: OUTCOME });
    await waitForEmail(about(raised.reference, officer, 'Professional disagreement resolved'));
  });

  it('goes to the designated leads at once when found to be an immediate risk after it was raised', async () => {
    const { id, reference } = await raise();
    const noReason = await post(`/disagreements/${id}/immediate-risk`, {}, as(nurse));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: any) => e.field)).toContain('reason');
    const marked = await command(
      `/disagreements/${id}/immediate-risk`,
      { reason: 'She was found unfed this morning' },
      nurse,
    );
    expect(marked).toMatchObject({
      status: 'open',
      stage: 3,
      stageKey: 'disagreement.stage-3',
      highestStage: 3,
      immediateRisk: true,
    });
    expect(ids(marked.participants)).toEqual(ids([policeLead, trustLead]));
    expect(marked.records.at(-1)).toMatchObject({
      kind: 'escalation',
      facts: { immediateRisk: true },
    });
    // Due today, the same-day timescale, unless it was marked after the working day.
    expect(Date.parse(marked.stageDueAt) - Date.now()).toBeLessThan(4 * 86_400_000);
    await waitForEmail(about(reference, policeLead, 'Professional disagreement to acknowledge'));
    const twice = await post(
      `/disagreements/${id}/immediate-risk`,
      { reason: 'Again' },
      as(policeLead),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('it is already treated as an immediate risk');
    // The refused second reason is not kept.
    const after = (await get(`/disagreements/${id}`, as(nurse))).body;
    expect(after.records.map((r: any) => r.kind)).toEqual(['concern', 'escalation']);
  });

  it('is withdrawn by the raiser, with a reason', async () => {
    const { id, reference } = await raise();
    const byOther = await post(`/disagreements/${id}/withdraw`, { reason: REASON }, as(nurse));
    expect(byOther.status).toBe(403);
    const withdrawn = await command(`/disagreements/${id}/withdraw`, { reason: REASON }, officer);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', stage: 1 });
    expect(withdrawn.records.at(-1)).toMatchObject({ kind: 'withdrawal', text: REASON });
    expect(withdrawn.withdrawalId).toBe(withdrawn.records.at(-1).id);
    await waitForEmail(about(reference, nurse, 'Professional disagreement withdrawn'));
    const late = await post(`/disagreements/${id}/acknowledge`, {}, as(nurse));
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('the disagreement has been withdrawn');
    const contribution = await post(
      `/disagreements/${id}/contributions`,
      { text: CONTRIBUTION },
      as(nurse),
    );
    expect(contribution.status).toBe(409);
    const after = (await get(`/disagreements/${id}`, as(officer))).body;
    expect(after.records.map((r: any) => r.kind)).toEqual(['concern', 'withdrawal']);
  });

  it('refuses bad input with problem+json naming each field, and records nothing', async () => {
    const bad = await post(
      '/disagreements',
      concern({ themes: [], caseReference: 'Mr Example', immediateRisk: 'yes' }),
      as(officer),
    );
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect([...new Set(bad.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'caseReference',
      'immediateRisk',
      'themes',
    ]);
    expect(JSON.stringify(bad.body)).not.toContain(SUBJECT);

    const nobody = await post('/disagreements', concern({ otherPersonId: undefined }), as(officer));
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors.map((e: any) => e.field)).toEqual(['otherAgencyId']);

    const unknownTheme = await post(
      '/disagreements',
      concern({ themes: ['the-adult'], status: 'resolved' }),
      as(officer),
    );
    expect(unknownTheme.status).toBe(400);
    expect([...new Set(unknownTheme.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'status',
      'themes',
    ]);

    const notTheirAgency = await post(
      '/disagreements',
      concern({ otherAgencyId: housing.id }),
      as(officer),
    );
    expect(notTheirAgency.status).toBe(422);
    expect(notTheirAgency.body.errors[0].field).toBe('otherAgencyId');
    const ownAgency = await post(
      '/disagreements',
      concern({ otherPersonId: sergeant.id }),
      as(officer),
    );
    expect(ownAgency.status).toBe(422);
    expect(ownAgency.body.errors[0].field).toBe('otherPersonId');
    const elsewhere = await createPerson('Elsewhere Practitioner');
    const foreign = await post(
      '/disagreements',
      concern({ otherPersonId: elsewhere.id }),
      as(officer),
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe('otherPersonId');

    const { id } = await raise();
    const badOwner = await post(
      `/disagreements/${id}/resolve`,
      {
        outcome: OUTCOME,
        agreedActions: [{ title: ACTION_TITLE, ownerId: elsewhere.id, dueAt: inDays(5) }],
      },
      as(officer),
    );
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.errors[0].field).toBe('agreedActions.0.ownerId');
    const noText = await post(`/disagreements/${id}/contributions`, { text: '' }, as(nurse));
    expect(noText.status).toBe(400);
    expect(noText.body.errors.map((e: any) => e.field)).toEqual(['text']);
    expect((await get(`/disagreements/${id}`, as(officer))).body.records).toHaveLength(1);
  });

  it('lists mine, and the partnership’s for its leads and board, without words', async () => {
    const open = await raise();
    const withdrawn = await raise();
    await command(`/disagreements/${withdrawn.id}/withdraw`, { reason: REASON }, officer);

    const mine = await get('/me/disagreements', as(nurse));
    expect(mine.status).toBe(200);
    const mineIds = mine.body.map((row: any) => row.id);
    expect(mineIds).toEqual(expect.arrayContaining([open.id, withdrawn.id]));
    expect(mineIds.indexOf(open.id)).toBeLessThan(mineIds.indexOf(withdrawn.id));
    expect((await get('/me/disagreements', as(housingOfficer))).body).toEqual([]);

    const log = await get(`/partnerships/${partnershipId}/disagreements`, as(boardManager));
    expect(log.status).toBe(200);
    expect(log.body.find((row: any) => row.id === open.id)).toEqual(
      expect.objectContaining({
        reference: open.reference,
        status: 'open',
        stage: 1,
        stageDueAt: open.stageDueAt,
        raiserAgencyId: police.id,
        otherAgencyId: trust.id,
        themes: ['threshold-for-intervention', 'information-sharing'],
      }),
    );
    for (const words of [...WORDS, 'CR-2026/0042', 'Police Officer', officer.id]) {
      expect(JSON.stringify(log.body)).not.toContain(words);
    }
    const closed = await get(
      `/partnerships/${partnershipId}/disagreements?status=withdrawn`,
      as(boardManager),
    );
    expect(closed.body.map((row: any) => row.status)).toEqual(closed.body.map(() => 'withdrawn'));
    expect(closed.body.map((row: any) => row.id)).toContain(withdrawn.id);
    const badStatus = await get(`/partnerships/${partnershipId}/disagreements?status=lost`);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].field).toBe('status');
    expect((await get(`/partnerships/${partnershipId}/disagreements`)).status).toBe(200);
    expect((await get(`/partnerships/${partnershipId}/disagreements`, as(policeLead))).status).toBe(
      403,
    );
    // The board sees a disagreement itself only once it reaches stage 4.
    expect((await get(`/disagreements/${open.id}`, as(boardManager))).status).toBe(404);
  });
});
