import { createPerson, get, post, postAction, waitForEmail } from './support/http';
import { decodedPayloads, rawHistory, utf8 } from './support/temporal';

/** The skeleton flow through every layer: HTTP → Postgres + Temporal → worker → SMTP → read model. */
describe('an action falls due and its owner is reminded by email', () => {
  it('records the action, emails the owner at the due instant, and shows the reminder', async () => {
    const owner = await createPerson('Priya Shah');
    const title = 'Share the GP summary about Mrs Example';
    // Urgent, so quiet hours never hold it back whenever the suite runs (they are tested under
    // time skipping in the workflow's own tests).
    const created = await postAction(owner, { title, urgent: true });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title, ownerId: owner.id, status: 'open', reminders: [] });
    expect(created.body.reference).toMatch(/^ACT-\d{4}-\d{6}$/);
    expect(created.body.workflowId).toBe(`action-${created.body.id}`);

    const email = await waitForEmail((e) => e.to.includes(owner.email));
    expect(email.subject).toBe(`Action due: ${created.body.reference}`);
    expect(email.text).toContain(`/actions/${created.body.id}`);

    // A reminder names the reference and the due date, never the people or what the action is about.
    const everything = `${email.subject}\n${email.text}\n${email.html}`;
    for (const personal of [owner.displayName, 'Mrs Example', title]) {
      expect(everything).not.toContain(personal);
    }

    const action = await waitFor(async () => {
      const read = await get(`/actions/${created.body.id}`);
      return read.body.status === 'due' && read.body.reminders[0]?.status === 'sent'
        ? read
        : undefined;
    });
    expect(action.body.reminders).toEqual([
      expect.objectContaining({ event: 'due', recipientId: owner.id, status: 'sent' }),
    ]);

    // Decrypted, the workflow's history holds ids and process data only: personal data stays in
    // Postgres. (That it is stored encrypted is payload-encryption.e2e-spec.ts's concern.)
    const payloads = await decodedWorkflowPayloads(created.body.workflowId);
    expect(payloads).toContain(created.body.id);
    for (const personal of [owner.displayName, owner.email, title]) {
      expect(payloads).not.toContain(personal);
    }
  });

  it('plans an immediate risk on the urgent ladder, in hours, and a routine item on the ladder of days', async () => {
    const owner = await createPerson('Urgent Owner');
    const dueAt = new Date(Date.now() + 7 * 86_400_000);
    dueAt.setUTCMinutes(0, 0, 0);
    const tiers = async (urgent: boolean) => {
      const created = await postAction(owner, { dueAt: dueAt.toISOString(), urgent });
      expect(created.status).toBe(201);
      return (await get(`/actions/${created.body.id}`)).body.chasePlan
        .filter((step: { kind: string }) => step.kind === 'escalation')
        .map((step: { notify: string; at: string }) => [step.notify, step.at]);
    };
    const hoursAfterDue = (hours: number) =>
      new Date(dueAt.getTime() + hours * 3_600_000).toISOString();
    expect(await tiers(true)).toEqual([
      ['agency-designated-lead', hoursAfterDue(2)],
      ['local-authority-lead', hoursAfterDue(4)],
    ]);
    expect((await tiers(false)).map(([notify]: string[]) => notify)).toEqual([
      'owner-line-manager',
      'agency-designated-lead',
      'local-authority-lead',
    ]);
  });

  it('completes an action once, and refuses a second completion with 409 and the reason', async () => {
    const owner = await createPerson();
    const dueAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();
    const created = await postAction(owner, { title: 'Arrange advocacy', dueAt });

    const completed = await post(`/actions/${created.body.id}/complete`);
    expect(completed.status).toBe(200);
    // Read-your-writes: the update wrote the read model before it returned.
    expect(completed.body).toMatchObject({ status: 'completed', reminders: [] });
    expect(completed.body.completedAt).not.toBeNull();

    const again = await post(`/actions/${created.body.id}/complete`);
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body.detail).toMatch(/already completed|not being chased/);
  });
});

async function decodedWorkflowPayloads(workflowId: string): Promise<string> {
  const payloads = await decodedPayloads(await rawHistory(workflowId));
  return payloads.map(({ data }) => utf8(data)).join('\n');
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await probe();
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
