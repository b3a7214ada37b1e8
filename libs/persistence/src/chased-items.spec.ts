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
