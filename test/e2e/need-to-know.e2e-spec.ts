import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  postAction,
  tokenFor,
  type TestPerson,
} from './support/http';

/**
 * A practitioner's item is seen by those who need to know it: the owner, their line manager, their
 * agency's designated safeguarding leads (each a tier of the escalation ladder) and the
 * partnership-wide leads; not by every colleague of the same agency.
 */
describe('who sees a practitioner’s item', () => {
  let manager: TestPerson;
  let owner: TestPerson;
  let actionId: string;

  beforeAll(async () => {
    const partnershipId = (await createPartnership()).id;
    const trust = await createAgency('nhs-trust', [partnershipId]);
    manager = await createPerson('Ward Manager', { agencyId: trust.id, roles: ['line-manager'] });
    owner = await createPerson('Ward Nurse', { agencyId: trust.id, lineManagerId: manager.id });
    const created = await postAction(owner, {
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    actionId = created.body.id;
  });

  const statusFor = async (person: TestPerson) =>
    (await get(`/actions/${actionId}`, await tokenFor(person.email))).status;

  it('lets the owner, their line manager and their agency’s designated lead open it', async () => {
    const designatedLead = await createPerson('Trust Lead', {
      agencyId: owner.agencyId,
      roles: ['designated-safeguarding-lead'],
    });
    expect(await statusFor(owner)).toBe(200);
    expect(await statusFor(manager)).toBe(200);
    expect(await statusFor(designatedLead)).toBe(200);
  });

  it('hides it from colleagues of the same agency, a line manager of others included', async () => {
    const colleague = await createPerson('Other Nurse', { agencyId: owner.agencyId });
    const otherManager = await createPerson('Other Ward Manager', {
      agencyId: owner.agencyId,
      roles: ['line-manager'],
    });
    expect(await statusFor(colleague)).toBe(404);
    expect(await statusFor(otherManager)).toBe(404);
    const chronology = await get(
      `/actions/${actionId}/chronology`,
      await tokenFor(colleague.email),
    );
    expect(chronology.status).toBe(404);
  });

  it('lets the trust’s senior roles see their own agency’s items, and no more of the partnership', async () => {
    const partnershipId = (await get(`/agencies/${owner.agencyId}`)).body.partnershipIds[0];
    const elsewhere = await createAgency('police', [partnershipId]);
    const officer = await createPerson('Police Officer', { agencyId: elsewhere.id });
    const policeItem = await postAction(officer, {
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    for (const role of ['head-of-service', 'safeguarding-lead']) {
      const senior = await createPerson('Trust Senior', {
        agencyId: owner.agencyId,
        roles: [role],
      });
      const token = await tokenFor(senior.email);
      expect(await statusFor(senior)).toBe(200);
      expect((await get(`/actions/${policeItem.body.id}`, token)).status).toBe(404);
      // Whole-partnership lists are for the local authority's leads.
      const listed = await get(`/partnerships/${partnershipId}/enquiries`, token);
      expect(listed.status).toBe(403);
      expect(listed.body.detail).toBe(
        "this is for the leading local authority's safeguarding leads and heads of service",
      );
      const overdue = await get(`/partnerships/${partnershipId}/overdue-actions`, token);
      expect(overdue.status).toBe(200);
    }
  });

  it('lists the overdue items of the people each one oversees, never a colleague’s or their own', async () => {
    const overdue = await postAction(owner, {
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(overdue.status).toBe(201);
    const designatedLead = await createPerson('Trust Lead', {
      agencyId: owner.agencyId,
      roles: ['designated-safeguarding-lead'],
    });
    const colleague = await createPerson('Other Nurse', { agencyId: owner.agencyId });
    const overseenBy = async (person: TestPerson) =>
      (await get('/me/overseen-overdue-actions', await tokenFor(person.email))).body.map(
        (item: { id: string }) => item.id,
      );
    expect(await overseenBy(manager)).toContain(overdue.body.id);
    const managersList = await get('/me/overseen-overdue-actions', await tokenFor(manager.email));
    expect(
      managersList.body.find((item: { id: string }) => item.id === overdue.body.id),
    ).toMatchObject({ ownerId: owner.id, ownerName: owner.displayName });
    expect(await overseenBy(designatedLead)).toContain(overdue.body.id);
    expect(await overseenBy(colleague)).toEqual([]);
    expect(await overseenBy(owner)).not.toContain(overdue.body.id);
  });
});
