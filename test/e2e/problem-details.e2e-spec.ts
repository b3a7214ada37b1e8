import { randomUUID } from 'node:crypto';
import { apiUrl } from './support/e2e-env';
import { call, createPartnership, createPerson, get, post } from './support/http';

/** Bad input gets application/problem+json naming the field, and changes nothing. */
describe('errors are RFC 9457 problem details', () => {
  it('names every invalid and unknown field of a command', async () => {
    const response = await post('/actions', {
      title: '',
      ownerId: 'not-a-uuid',
      partnershipId: 42,
      dueAt: 'next Tuesday',
      status: 'completed',
    });

    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 400,
      type: 'urn:safeguarding:problem:validation',
      instance: '/actions',
    });
    expect(response.body.requestId).toEqual(expect.any(String));
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(new Set(fields)).toEqual(
      new Set(['title', 'ownerId', 'partnershipId', 'dueAt', 'status']),
    );
  });

  it('answers 422 naming ownerId when the owner does not exist', async () => {
    const partnership = await createPartnership();
    const response = await post('/actions', {
      title: 'Visit',
      ownerId: randomUUID(),
      partnershipId: partnership.id,
      dueAt: new Date().toISOString(),
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'ownerId', message: 'no person with this id' }]);
  });

  it('answers 422 naming partnershipId when the partnership does not exist', async () => {
    const owner = await createPerson();
    const response = await post('/actions', {
      title: 'Visit',
      ownerId: owner.id,
      partnershipId: randomUUID(),
      dueAt: new Date().toISOString(),
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'partnershipId', message: 'no partnership with this id' },
    ]);
  });

  it('answers 409 naming email for a duplicate person', async () => {
    const person = await createPerson();
    const response = await post('/people', {
      displayName: 'Someone else',
      email: person.email,
      agencyId: person.agencyId,
      roles: ['practitioner'],
    });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([
      { field: 'email', message: expect.stringContaining('already exists') },
    ]);
  });

  it('answers 400 naming the path parameter that is not a UUID', async () => {
    const response = await get('/actions/42');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('answers 404 as a problem for an unknown action and an unknown route', async () => {
    for (const path of [`/actions/${randomUUID()}`, '/no-such-thing']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.contentType).toContain('application/problem+json');
    }
  });

  it('answers 400 as a problem for a malformed JSON body, with its type and request id', async () => {
    const response = await call('POST', '/people', '{"displayName": ');
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'urn:safeguarding:problem:validation',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('answers 405 naming the allowed methods for a method a known path does not have', async () => {
    const response = await fetch(`${apiUrl()}/people`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(await response.json()).toMatchObject({
      status: 405,
      type: 'urn:safeguarding:problem:method-not-allowed',
    });
  });
});
