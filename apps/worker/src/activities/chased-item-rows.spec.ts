import { defaultPolicy, initialActionState } from '@safeguard/domain';
import { chasedItemValues, type ChasedItemRow } from './chased-item-rows';

/**
 * The row a process lays out for a chased item it opens, without a database. Inserting it once
 * (a retry changes nothing) and its chronology entry are covered against Postgres in
 * test/e2e/enquiry-items.e2e-spec.ts and test/e2e/disagreement-activities.e2e-spec.ts.
 */
describe('chased item row', () => {
  // Monday 2 March 2026, GMT; the report is due on Friday 27 March at 17:30.
  const now = new Date('2026-03-02T10:00:00.000Z');
  const item: ChasedItemRow = {
    actionId: '7d1f0c52-2f0e-4d38-9a51-4f6c1d1c2b3a',
    kind: 'enquiry-report',
    ownerId: 'owner-1',
    dueAt: new Date('2026-03-27T17:30:00.000Z'),
    urgent: false,
    partnershipId: 'partnership-1',
    policyVersion: 3,
    belongsTo: { enquiryId: 'enquiry-1' },
    detail: { enquiryId: 'enquiry-1', kind: 'enquiry-report' },
  };

  it("is open, under the pinned version, with its stage's neutral title and a fresh reference", () => {
    expect(chasedItemValues(item, defaultPolicy, 42, now)).toMatchObject({
      id: item.actionId,
      reference: 'ACT-2026-000042',
      title: 'Report due',
      kind: 'enquiry-report',
      status: 'open',
      ownerId: 'owner-1',
      partnershipId: 'partnership-1',
      policyVersion: 3,
      dueAt: item.dueAt,
      acknowledged: false,
      processVersion: initialActionState().version,
      workflowId: `action-${item.actionId}`,
      createdAt: now,
      updatedAt: now,
    });
  });

  it('belongs to the process that opened it, and to no meeting', () => {
    expect(chasedItemValues(item, defaultPolicy, 1, now)).toMatchObject({
      meetingId: null,
      enquiryId: 'enquiry-1',
      disagreementId: null,
    });
    const agreed = { ...item, belongsTo: { disagreementId: 'disagreement-1' } };
    expect(chasedItemValues(agreed, defaultPolicy, 1, now)).toMatchObject({
      enquiryId: null,
      disagreementId: 'disagreement-1',
    });
  });

  it('keeps a title the process gives it', () => {
    const titled = { ...item, title: 'Agreed action' };
    expect(chasedItemValues(titled, defaultPolicy, 1, now).title).toBe('Agreed action');
  });

  it('shows the first reminder from the start: five working days before, when the window opens', () => {
    expect(chasedItemValues(item, defaultPolicy, 1, now).nextReminderAt).toEqual(
      new Date('2026-03-20T08:30:00.000Z'),
    );
  });

  it('is chased at once when opened after its ladder has passed, the send window being open', () => {
    const longPast = { ...item, dueAt: new Date('2025-01-06T17:30:00.000Z') };
    expect(chasedItemValues(longPast, defaultPolicy, 1, now).nextReminderAt).toEqual(now);
  });
});
