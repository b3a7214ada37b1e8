import { call, createAgency, createPerson, get, post, postAction, unique } from './support/http';

/**
 * Input that used to reach the database or overflow the validator and answer 500: a null where a
 * text is optional, a NUL byte, JSON nested thousands of levels deep, names with invisible
 * characters, instants that name none or that the UK calendar does not cover. Each must be a 400
 * naming the field, and change nothing.
 */
describe('bad input never causes a 500', () => {
  async function openAction() {
    const owner = await createPerson();
    const response = await postAction(owner, {
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
    (body.errors ?? []).map((problem) => problem.field);

  it('refuses a null note on complete and on an extension decision, and the action stays open', async () => {
    const actionId = await openAction();
    for (const [path, body] of [
      [`/actions/${actionId}/complete`, { note: null }],
      [`/actions/${actionId}/extension-decision`, { decision: 'refuse', note: null }],
    ] as const) {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(fieldsOf(response.body)).toEqual(['note']);
    }
    expect((await get(`/actions/${actionId}`)).body.status).toBe('open');
  });

  it('refuses a NUL byte in a text field, naming it', async () => {
    const actionId = await openAction();
    const response = await post(`/actions/${actionId}/complete`, { note: 'done\u0000' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['note']);
    expect((await get(`/actions/${actionId}`)).body.status).toBe('open');
  });

  it('refuses JSON nested thousands of levels deep', async () => {
    const actionId = await openAction();
    const depth = 5_000;
    const body = `${'{"note":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    const response = await call('POST', `/actions/${actionId}/complete`, body);
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('nested deeper than');
    expect((await get(`/actions/${actionId}`)).body.status).toBe('open');
  });

  it('refuses names with control or zero-width characters, and creates nothing', async () => {
    const agency = await createAgency();
    const invisible = ['Sam\u200bPatel', 'Sam\u202ePatel', 'Sam\u0007Patel'];
    for (const displayName of invisible) {
      const email = `${unique('p').replace(/[^a-z0-9]+/gi, '.')}@agency.example`.toLowerCase();
      const response = await post('/people', {
        displayName,
        email,
        agencyId: agency.id,
        roles: ['practitioner'],
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain('displayName');
      const people = (await get(`/people?agencyId=${agency.id}`)).body;
      expect(JSON.stringify(people)).not.toContain(email);
    }
    const agencyName = await post('/agencies', {
      name: 'Police\u200d North',
      type: 'police',
      partnershipIds: agency.partnershipIds,
    });
    expect(agencyName.status).toBe(400);
    expect(fieldsOf(agencyName.body)).toEqual(['name']);
  });

  it('refuses an instant that is not one, or falls outside the calendar it is scheduled in', async () => {
    const owner = await createPerson();
    // A week, a date, a time without its offset, and a year the UK calendar does not cover.
    for (const dueAt of ['2026-W49', '2026-12-04', '2026-12-04T17:30:00', '9999-12-31T00:00:00Z']) {
      const response = await postAction(owner, { dueAt });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['dueAt']);
    }
  });
});
