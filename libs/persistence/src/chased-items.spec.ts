import {
  defaultPolicy,
  firstSendingAt,
  initialActionState,
  STAGE_OF_ITEM,
  stagePolicy,
} from '@safeguard/domain';
import { newChasedItemRow } from './chased-items';

describe('newChasedItemRow', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const item = {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'ACT-2026-000001',
    workflowId: 'action-00000000-0000-4000-8000-000000000001',
    kind: 'action' as const,
    ownerId: '00000000-0000-4000-8000-000000000002',
    dueAt: new Date('2026-03-20T17:30:00Z'),
    urgent: false,
    partnershipId: '00000000-0000-4000-8000-000000000003',
    policy: { version: 4, document: defaultPolicy },
  };

  it('opens the item at the chaser’s first version, with its first reminder worked out', () => {
    const row = newChasedItemRow(item, now);
    const stage = stagePolicy(defaultPolicy, STAGE_OF_ITEM.action);
    const first = firstSendingAt(
      stage,
      item.dueAt,
      { nation: defaultPolicy.nation, sendWindow: defaultPolicy.sendWindow, urgent: false },
      now.getTime(),
    );
    expect(row).toMatchObject({
      status: 'open',
      processVersion: initialActionState().version,
      acknowledged: false,
      policyVersion: 4,
      title: stage.title,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      cancelledAt: null,
      proposedDueAt: null,
      rationale: null,
      meetingId: null,
      enquiryId: null,
      disagreementId: null,
    });
    expect(first).toBeDefined();
    expect(row.nextReminderAt).toEqual(new Date(first as string));
  });

  it('keeps a title given, and the process the item belongs to', () => {
    const row = newChasedItemRow(
      { ...item, title: 'Share the chronology', belongsTo: { disagreementId: 'd' } },
      now,
    );
    expect(row).toMatchObject({
      title: 'Share the chronology',
      disagreementId: 'd',
      meetingId: null,
    });
  });
});

describe('a chased item a process opens', () => {
  // Monday 2 March 2026, GMT; the report is due on Friday 27 March at 17:30.
  const now = new Date('2026-03-02T10:00:00.000Z');
  const report = {
    id: '7d1f0c52-2f0e-4d38-9a51-4f6c1d1c2b3a',
    reference: 'ACT-2026-000042',
    workflowId: 'action-7d1f0c52-2f0e-4d38-9a51-4f6c1d1c2b3a',
    kind: 'enquiry-report' as const,
    ownerId: 'owner-1',
    dueAt: new Date('2026-03-27T17:30:00.000Z'),
    urgent: false,
    partnershipId: 'partnership-1',
    policy: { version: 3, document: defaultPolicy },
    belongsTo: { enquiryId: 'enquiry-1' },
  };

  it("takes its stage's neutral title unless given one, and belongs to its process only", () => {
    expect(newChasedItemRow(report, now)).toMatchObject({
      title: 'Report due',
      meetingId: null,
      enquiryId: 'enquiry-1',
      disagreementId: null,
      policyVersion: 3,
    });
    expect(newChasedItemRow({ ...report, title: 'Agreed action' }, now).title).toBe(
      'Agreed action',
    );
  });

  it('shows the first reminder from the start: five working days before, when the window opens', () => {
    expect(newChasedItemRow(report, now).nextReminderAt).toEqual(
      new Date('2026-03-20T08:30:00.000Z'),
    );
  });

  it('is chased at once when opened after its ladder has passed, the send window being open', () => {
    const longPast = { ...report, dueAt: new Date('2025-01-06T17:30:00.000Z') };
    expect(newChasedItemRow(longPast, now).nextReminderAt).toEqual(now);
  });
});
