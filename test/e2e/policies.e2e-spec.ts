import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
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

  it('answers 404 for an unknown version and 400 for a malformed one', async () => {
    const partnership = await createPartnership();
    expect((await get(`/partnerships/${partnership.id}/policy/versions/9`)).status).toBe(404);
    const malformed = await get(`/partnerships/${partnership.id}/policy/versions/latest`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { field: 'version', message: 'version must be a whole number' },
    ]);
  });
});
