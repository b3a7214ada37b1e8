import { caughtEmails, createPerson, get, postAction, waitForEmail } from './support/http';
import { E2E_WAIT_MS } from './support/waits';

async function reminderOf(actionId: string, settled: (status: string) => boolean) {
  const deadline = Date.now() + E2E_WAIT_MS;
  while (Date.now() < deadline) {
    const action = (await get(`/actions/${actionId}`)).body;
    if (action.reminders[0] && settled(action.reminders[0].status)) return action;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the reminder did not settle');
}

/** Delivery against a relay that says no, or not yet: nothing is lost, nothing is doubled. */
describe('reminder delivery over SMTP', () => {
  it('records a permanent 5xx refusal as failed, does not retry, and tells the owner’s manager', async () => {
    const manager = await createPerson('Line Manager');
    const owner = await createPerson('Refused Owner', {
      emailDomain: 'refuse.smtp.test',
      agencyId: manager.agencyId,
      lineManagerId: manager.id,
    });
    const created = (await postAction(owner, { urgent: true })).body;

    const escalation = await waitForEmail((email) => email.to.includes(manager.email));
    expect(escalation.subject).toBe(`Action due, owner unreachable: ${created.reference}`);
    const action = await reminderOf(created.id, (status) => status !== 'sending');
    expect(action.status).toBe('due');
    expect(action.reminders).toEqual([
      expect.objectContaining({
        recipientId: owner.id,
        status: 'failed',
        failureCode: 550,
        sentAt: null,
      }),
      expect.objectContaining({ recipientId: manager.id, status: 'sent' }),
    ]);
    const chronology = (await get(`/audit/records/action/${created.id}`)).body;
    expect(chronology.map((entry: { event: string }) => entry.event)).toEqual(
      expect.arrayContaining([
        'notification.failed',
        'action.reminder-refused',
        'notification.sent',
      ]),
    );
    expect((await caughtEmails()).filter((email) => email.to.includes(owner.email))).toEqual([]);
  });

  it('falls back down the escalation chain when a refused owner has no line manager', async () => {
    const owner = await createPerson('Unmanaged Owner', { emailDomain: 'refuse.smtp.test' });
    const created = (await postAction(owner, { urgent: true })).body;

    const deadline = Date.now() + E2E_WAIT_MS;
    let events: string[] = [];
    while (Date.now() < deadline && !events.includes('notification.sent')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      events = (await get(`/audit/records/action/${created.id}`)).body.map(
        (e: { event: string }) => e.event,
      );
    }
    expect(events).toEqual(
      expect.arrayContaining([
        'notification.failed',
        'notification.fell-back',
        'notification.sent',
      ]),
    );
    expect(events).not.toContain('notification.no-recipient');
  });

  it('retries a 4xx deferral until the relay accepts, and delivers exactly once', async () => {
    const owner = await createPerson('Deferred Owner', { emailDomain: 'defer.smtp.test' });
    const created = (await postAction(owner, { urgent: true })).body;

    await waitForEmail((email) => email.to.includes(owner.email));
    const action = await reminderOf(created.id, (status) => status === 'sent');
    expect(action.reminders).toHaveLength(1);
    expect((await caughtEmails()).filter((email) => email.to.includes(owner.email))).toHaveLength(
      1,
    );
  });
});
