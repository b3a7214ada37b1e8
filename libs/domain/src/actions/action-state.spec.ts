import {
  ActionStageConflict,
  completeAction,
  initialActionState,
  recordDueReminderRefused,
  recordDueReminderSent,
  whyCannotComplete,
} from './action-state';

describe('action state rules', () => {
  it('moves an open action to due when its reminder is sent, counting reminders', () => {
    const due = recordDueReminderSent(initialActionState);
    expect(due).toEqual({ status: 'due', version: 2, remindersSent: 1 });
  });

  it('makes an action due without counting a reminder the mail server refused', () => {
    expect(recordDueReminderRefused(initialActionState)).toEqual({
      status: 'due',
      version: 2,
      remindersSent: 0,
    });
  });

  it('completes an open or due action and bumps the version', () => {
    expect(completeAction(initialActionState)).toMatchObject({ status: 'completed', version: 2 });
    expect(completeAction(recordDueReminderSent(initialActionState))).toMatchObject({
      status: 'completed',
      version: 3,
      remindersSent: 1,
    });
  });

  it('refuses to complete a completed action, with the reason', () => {
    const completed = completeAction(initialActionState);
    expect(whyCannotComplete(completed)).toBe('the action is already completed');
    expect(() => completeAction(completed)).toThrow(ActionStageConflict);
  });

  it('keeps a completed action completed if a late reminder is recorded', () => {
    const completed = completeAction(initialActionState);
    expect(recordDueReminderSent(completed).status).toBe('completed');
  });
});
