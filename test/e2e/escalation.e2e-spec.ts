import {
  caughtEmails,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  waitForEmail,
} from './support/http';

/**
 * The escalation ladder resolved through the real directory and delivered over real SMTP. An
 * action recorded long after its date has passed every rung of the ladder, so each tier is told at
 * once; the time-skipping specs cover the same ladder climbed day by day. The partnership sends at
 * any hour, so the routine ladder (an urgent item climbs its own) goes whenever the suite runs.
 */
describe('an overdue action climbs the escalation ladder', () => {
  it('tells the owner, then their line manager, the agency’s designated lead and the local authority lead, each once', async () => {
    const { id: partnershipId } = await createPartnership();
    const council = await createAgency('local-authority', [partnershipId]);
    const trust = await createAgency('nhs-trust', [partnershipId]);
    const laLead = await createPerson('Council Lead', {
      agencyId: council.id,
      roles: ['safeguarding-lead'],
    });
    const dsl = await createPerson('Trust Designated Lead', {
      agencyId: trust.id,
      roles: ['designated-safeguarding-lead'],
    });
    const manager = await createPerson('Ward Manager', {
      agencyId: trust.id,
      roles: ['line-manager'],
    });
    const owner = await createPerson('Staff Nurse', {
      agencyId: trust.id,
      lineManagerId: manager.id,
    });
    const current = (await get(`/partnerships/${partnershipId}/policy`)).body.document;
    const anyHour = { days: 'every-day', start: '00:00', end: '24:00', urgentExempt: true };
    const published = await post(`/partnerships/${partnershipId}/policy`, {
      ...current,
      sendWindow: anyHour,
    });
    expect(published.status).toBe(201);
    const sixWeeksAgo = new Date(Date.now() - 42 * 24 * 3600 * 1000).toISOString();
    const created = await postAction(owner, { dueAt: sixWeeksAgo, urgent: false });
    expect(created.status).toBe(201);
    const { reference, id } = created.body;

    const chased = await waitForEmail(
      (e) => e.to.includes(owner.email) && e.subject.endsWith(reference),
    );
    expect(chased.subject).toBe(`Action overdue: ${reference}`);
    for (const person of [manager, dsl, laLead]) {
      const email = await waitForEmail(
        (e) => e.to.includes(person.email) && e.subject.endsWith(reference),
      );
      expect(email.subject).toBe(`Overdue action escalated to you: ${reference}`);
    }

    // The workflow records each tier once its message is sent, so the last may trail its email.
    let tiers: string[] = [];
    for (let i = 0; i < 50 && tiers.length < 3; i += 1) {
      const events = (await get(`/actions/${id}/chronology`)).body;
      tiers = events
        .filter((e: any) => e.event === 'action.escalated')
        .map((e: any) => e.summary.tier);
      if (tiers.length < 3) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(tiers.sort()).toEqual([
      'agency-designated-lead',
      'local-authority-lead',
      'owner-line-manager',
    ]);
    const about = (await caughtEmails()).filter((e) => e.subject.endsWith(reference));
    for (const person of [owner, manager, dsl, laLead]) {
      expect(about.filter((e) => e.to.includes(person.email))).toHaveLength(1);
    }
    expect((await get(`/actions/${id}`)).body.status).toBe('overdue');
  });
});
