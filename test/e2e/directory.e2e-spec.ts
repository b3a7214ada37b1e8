import { randomUUID } from 'node:crypto';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  patch,
  post,
  postAction,
  waitForEmail,
} from './support/http';

describe('directory: partnerships, agencies and people', () => {
  it('creates a partnership on the default policy for its nation', async () => {
    const partnership = await createPartnership('scotland');
    expect(partnership).toMatchObject({ nation: 'scotland', timeZone: 'Europe/London' });
    const policy = await get(`/partnerships/${partnership.id}/policy`);
    expect(policy.body).toMatchObject({ version: 1, document: { nation: 'scotland' } });
  });

  it('lists agencies by partnership with their designated leads', async () => {
    const partnership = await createPartnership();
    const agency = await createAgency('police', [partnership.id]);
    const elsewhere = await createAgency('housing');
    const lead = await createPerson('Lead', {
      agencyId: agency.id,
      roles: ['designated-safeguarding-lead'],
    });
    await createPerson('Officer', { agencyId: agency.id });

    const listed = await get(`/agencies?partnershipId=${partnership.id}`);
    const ids = listed.body.map((a: { id: string }) => a.id);
    expect(ids).toContain(agency.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(listed.body.find((a: { id: string }) => a.id === agency.id)).toMatchObject({
      type: 'police',
      partnershipIds: [partnership.id],
      designatedLeadIds: [lead.id],
    });
  });

  it('refuses an agency in an unknown partnership with 422 naming partnershipIds', async () => {
    const response = await post('/agencies', {
      name: 'Nowhere',
      type: 'other',
      partnershipIds: [randomUUID()],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe('partnershipIds');
  });

  it('refuses a person in an unknown agency with 422 naming agencyId', async () => {
    const response = await post('/people', {
      displayName: 'Nobody',
      email: 'nobody@agency.example',
      agencyId: randomUUID(),
      roles: ['practitioner'],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'agencyId', message: 'no agency with this id' },
    ]);
    expect((await get('/people?email=nobody@agency.example')).body).toEqual([]);
  });

  it('refuses an unknown role, naming roles', async () => {
    const agency = await createAgency();
    const response = await post('/people', {
      displayName: 'X',
      email: 'x@agency.example',
      agencyId: agency.id,
      roles: ['superuser'],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('roles');
  });

  it('refuses a line-management cycle with 422 and changes nothing', async () => {
    const head = await createPerson('Head of service');
    const manager = await createPerson('Team manager', {
      agencyId: head.agencyId,
      lineManagerId: head.id,
    });
    const worker = await createPerson('Worker', {
      agencyId: head.agencyId,
      lineManagerId: manager.id,
    });

    const response = await patch(`/people/${head.id}`, { lineManagerId: worker.id });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'lineManagerId', message: 'this would make a line-management cycle' },
    ]);
    expect((await get(`/people/${head.id}`)).body.lineManagerId).toBeNull();
  });

  it('deactivates a leaver and passes their open actions and reports to their line manager', async () => {
    const manager = await createPerson('Manager');
    const leaver = await createPerson('Leaver', {
      agencyId: manager.agencyId,
      lineManagerId: manager.id,
    });
    const report = await createPerson('Report', {
      agencyId: manager.agencyId,
      lineManagerId: leaver.id,
    });
    const dueAt = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
    const open = (await postAction(leaver, { dueAt })).body;
    const done = (await postAction(leaver, { dueAt })).body;
    await post(`/actions/${done.id}/complete`);

    const response = await post(`/people/${leaver.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      person: { active: false },
      actionsRerouted: 1,
      reportsRerouted: 1,
    });
    expect((await get(`/actions/${open.id}`)).body.ownerId).toBe(manager.id);
    expect((await get(`/actions/${done.id}`)).body.ownerId).toBe(leaver.id);
    // Passed on through the action's workflow, which tells the new owner.
    await waitForEmail(
      (email) =>
        email.to.includes(manager.email) &&
        email.subject === `Action assigned to you: ${open.reference}`,
    );
    expect((await get(`/people/${report.id}`)).body.lineManagerId).toBe(manager.id);

    const again = await post(`/people/${leaver.id}/deactivate`);
    expect(again.status).toBe(409);
    const assign = await postAction(leaver, { dueAt });
    expect(assign.status).toBe(422);
  });

  it('refuses to deactivate someone who owns open work and has no line manager', async () => {
    const loner = await createPerson('No manager');
    const dueAt = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
    await postAction(loner, { dueAt });

    const response = await post(`/people/${loner.id}/deactivate`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('no line manager');
    expect((await get(`/people/${loner.id}`)).body.active).toBe(true);
  });
});
