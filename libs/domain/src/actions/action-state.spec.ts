import {
  ActionStageConflict,
  acknowledgeAction,
  cancelAction,
  completeAction,
  decideExtension,
  initialActionState,
  isClosed,
  reassignAction,
  recordOwnerMessage,
  requestExtension,
  whyCannotAcknowledge,
  whyCannotCancel,
  whyCannotComplete,
  whyCannotDecideExtension,
  whyCannotReassign,
  whyCannotRequestExtension,
  type ActionProcessState,
} from './action-state';

const DUE = '2026-05-26T16:30:00.000Z';
const LATER = '2026-06-09T16:30:00.000Z';
const OWNER = 'owner-1';
/** "Now" for decisions: the day the extension is decided, before both dates. */
const NOW = Date.parse('2026-05-20T10:00:00.000Z');

const open = () => initialActionState(DUE, OWNER);
const completed = () => completeAction(open());
const cancelled = () => cancelAction(open());
const waiting = () => requestExtension(open(), { proposedDueAt: LATER, requestedById: OWNER });

/** Every command, as a function that throws ActionStageConflict when it does not fit. */
const commands: Array<[string, (state: ActionProcessState) => ActionProcessState]> = [
  ['complete', (s) => completeAction(s)],
  ['acknowledge', (s) => acknowledgeAction(s)],
  [
    'request an extension',
    (s) => requestExtension(s, { proposedDueAt: LATER, requestedById: OWNER }),
  ],
  ['approve an extension', (s) => decideExtension(s, { approved: true }, NOW)],
  ['refuse an extension', (s) => decideExtension(s, { approved: false }, NOW)],
  ['reassign', (s) => reassignAction(s, 'owner-2')],
  ['cancel', (s) => cancelAction(s)],
];

function conflictOf(command: () => unknown): ActionStageConflict {
  try {
    command();
  } catch (error) {
    if (error instanceof ActionStageConflict) return error;
    throw error;
  }
  throw new Error('expected an ActionStageConflict');
}

describe('action state rules', () => {
  describe('a new action', () => {
    it('is open at version 1 with nothing sent, against its due date and owner', () => {
      expect(initialActionState(DUE, OWNER)).toEqual({
        status: 'open',
        version: 1,
        remindersSent: 0,
        dueAt: DUE,
        ownerId: OWNER,
      });
    });

    it('may start without a due date or owner (runs started before they were carried)', () => {
      expect(initialActionState()).toEqual({
        status: 'open',
        version: 1,
        remindersSent: 0,
        dueAt: undefined,
        ownerId: undefined,
      });
    });

    it('is closed only when completed or cancelled', () => {
      expect(isClosed(open())).toBe(false);
      expect(isClosed(recordOwnerMessage(open(), 'due', true))).toBe(false);
      expect(isClosed(recordOwnerMessage(open(), 'overdue', true))).toBe(false);
      expect(isClosed(completed())).toBe(true);
      expect(isClosed(cancelled())).toBe(true);
    });
  });

  describe('complete', () => {
    it('completes an open, due or overdue action and bumps the version', () => {
      expect(completeAction(open())).toEqual({ ...open(), status: 'completed', version: 2 });
      const overdue = recordOwnerMessage(open(), 'overdue', true);
      expect(completeAction(overdue)).toMatchObject({
        status: 'completed',
        version: 3,
        remindersSent: 1,
      });
    });

    it('drops an extension request still waiting: there is nothing left to extend', () => {
      const done = completeAction(waiting());
      expect(done.status).toBe('completed');
      expect(done.extensionRequest).toBeUndefined();
    });

    it('refuses a completed or cancelled action, with the reason', () => {
      expect(whyCannotComplete(open())).toBeUndefined();
      expect(whyCannotComplete(completed())).toBe('the action is already completed');
      expect(whyCannotComplete(cancelled())).toBe('the action is already cancelled');
      expect(conflictOf(() => completeAction(cancelled())).reason).toBe(
        'the action is already cancelled',
      );
    });
  });

  describe('acknowledge', () => {
    it('records that the owner has seen it, without changing the status', () => {
      expect(acknowledgeAction(open())).toEqual({ ...open(), acknowledged: true, version: 2 });
      const overdue = recordOwnerMessage(open(), 'overdue', true);
      expect(acknowledgeAction(overdue)).toMatchObject({ status: 'overdue', acknowledged: true });
    });

    it('refuses a second acknowledgement and a closed action', () => {
      const acknowledged = acknowledgeAction(open());
      expect(whyCannotAcknowledge(open())).toBeUndefined();
      expect(whyCannotAcknowledge(acknowledged)).toBe('the action has already been acknowledged');
      expect(() => acknowledgeAction(acknowledged)).toThrow(ActionStageConflict);
      expect(whyCannotAcknowledge(completed())).toBe('the action is already completed');
      expect(whyCannotAcknowledge(cancelled())).toBe('the action is already cancelled');
    });
  });

  describe('request an extension', () => {
    it('records the request, keeping the due date until it is decided', () => {
      expect(waiting()).toEqual({
        ...open(),
        version: 2,
        extensionRequest: { proposedDueAt: LATER, requestedById: OWNER },
      });
    });

    it('accepts any readable date on runs that carry no due date', () => {
      expect(whyCannotRequestExtension(initialActionState(), LATER)).toBeUndefined();
    });

    it('refuses a date no later than the current one, or not a date at all', () => {
      expect(whyCannotRequestExtension(open(), DUE)).toBe(
        'the proposed due date must be later than the current one',
      );
      expect(whyCannotRequestExtension(open(), '2026-05-01T09:00:00.000Z')).toBe(
        'the proposed due date must be later than the current one',
      );
      expect(whyCannotRequestExtension(open(), 'next Tuesday')).toBe(
        'the proposed due date is not a date',
      );
      expect(whyCannotRequestExtension(initialActionState(), 'next Tuesday')).toBe(
        'the proposed due date is not a date',
      );
    });

    it('refuses a second request while one waits, and a closed action', () => {
      const later = '2026-06-30T16:30:00.000Z';
      expect(whyCannotRequestExtension(waiting(), later)).toBe(
        'an extension request is already waiting for a decision',
      );
      expect(() =>
        requestExtension(waiting(), { proposedDueAt: later, requestedById: OWNER }),
      ).toThrow(ActionStageConflict);
      expect(whyCannotRequestExtension(completed(), later)).toBe('the action is already completed');
      expect(whyCannotRequestExtension(cancelled(), later)).toBe('the action is already cancelled');
    });
  });

  describe('decide an extension', () => {
    it('on approval, moves the due date to the proposed one and opens the action again', () => {
      const overdueWaiting = requestExtension(recordOwnerMessage(open(), 'overdue', true), {
        proposedDueAt: LATER,
        requestedById: OWNER,
      });
      expect(decideExtension(overdueWaiting, { approved: true }, NOW)).toEqual({
        ...open(),
        status: 'open',
        version: 4,
        remindersSent: 1,
        dueAt: LATER,
        extensionRequest: undefined,
      });
    });

    it('on approval with a date of its own, uses the agreed date rather than the proposed one', () => {
      const agreed = '2026-06-02T16:30:00.000Z';
      expect(decideExtension(waiting(), { approved: true, newDueAt: agreed }, NOW).dueAt).toBe(
        agreed,
      );
    });

    it('on refusal, keeps the due date and status and clears the request', () => {
      const overdueWaiting = requestExtension(recordOwnerMessage(open(), 'overdue', true), {
        proposedDueAt: LATER,
        requestedById: OWNER,
      });
      expect(decideExtension(overdueWaiting, { approved: false }, NOW)).toMatchObject({
        status: 'overdue',
        dueAt: DUE,
        extensionRequest: undefined,
        version: 4,
      });
    });

    it('refuses a decision when nothing is waiting, and a closed action', () => {
      expect(whyCannotDecideExtension(open(), { approved: true }, NOW)).toBe(
        'there is no extension request waiting for a decision',
      );
      expect(whyCannotDecideExtension(open(), { approved: false }, NOW)).toBe(
        'there is no extension request waiting for a decision',
      );
      expect(whyCannotDecideExtension(completeAction(waiting()), { approved: false }, NOW)).toBe(
        'the action is already completed',
      );
      expect(whyCannotDecideExtension(cancelled(), { approved: true }, NOW)).toBe(
        'the action is already cancelled',
      );
    });

    it('refuses to approve a date already past, even one the owner proposed', () => {
      const afterLater = Date.parse(LATER) + 1;
      expect(whyCannotDecideExtension(waiting(), { approved: true }, afterLater)).toBe(
        'the new due date must be in the future',
      );
      expect(whyCannotDecideExtension(waiting(), { approved: true }, Date.parse(LATER))).toBe(
        'the new due date must be in the future',
      );
      // A refusal needs no date, so it stands whenever it comes.
      expect(whyCannotDecideExtension(waiting(), { approved: false }, afterLater)).toBeUndefined();
    });

    it('refuses to approve a date no later than the current one, or not a date', () => {
      expect(whyCannotDecideExtension(waiting(), { approved: true, newDueAt: DUE }, NOW)).toBe(
        'the new due date must be later than the current one',
      );
      expect(
        whyCannotDecideExtension(waiting(), { approved: true, newDueAt: 'tomorrow' }, NOW),
      ).toBe('the new due date is not a date');
      expect(() =>
        decideExtension(waiting(), { approved: true, newDueAt: 'tomorrow' }, NOW),
      ).toThrow(ActionStageConflict);
    });
  });

  describe('reassign', () => {
    it('passes the action to the new owner, who has not seen it yet', () => {
      const reassigned = reassignAction(acknowledgeAction(open()), 'owner-2');
      expect(reassigned).toEqual({
        ...open(),
        version: 3,
        ownerId: 'owner-2',
        acknowledged: false,
        extensionRequest: undefined,
      });
    });

    it('drops the previous owner’s extension request', () => {
      expect(reassignAction(waiting(), 'owner-2').extensionRequest).toBeUndefined();
    });

    it('keeps the status and the count of messages sent', () => {
      const overdue = recordOwnerMessage(open(), 'overdue', true);
      expect(reassignAction(overdue, 'owner-2')).toMatchObject({
        status: 'overdue',
        remindersSent: 1,
      });
    });

    it('refuses the current owner, and a closed action', () => {
      expect(whyCannotReassign(open(), OWNER)).toBe('the action is already owned by this person');
      expect(whyCannotReassign(open(), 'owner-2')).toBeUndefined();
      expect(whyCannotReassign(completed(), 'owner-2')).toBe('the action is already completed');
      expect(whyCannotReassign(cancelled(), 'owner-2')).toBe('the action is already cancelled');
    });
  });

  describe('cancel', () => {
    it('cancels an open action and drops a waiting extension request', () => {
      expect(cancelAction(waiting())).toMatchObject({
        status: 'cancelled',
        version: 3,
        extensionRequest: undefined,
      });
    });

    it('refuses a closed action, with the reason', () => {
      expect(whyCannotCancel(open())).toBeUndefined();
      expect(whyCannotCancel(completed())).toBe('the action is already completed');
      expect(whyCannotCancel(cancelled())).toBe('the action is already cancelled');
    });
  });

  describe('messages to the owner', () => {
    it('moves the status with the clock and counts only delivered messages', () => {
      const reminded = recordOwnerMessage(open(), 'open', true);
      expect(reminded).toEqual({ ...open(), version: 2, remindersSent: 1 });
      const due = recordOwnerMessage(reminded, 'due', true);
      expect(due).toMatchObject({ status: 'due', version: 3, remindersSent: 2 });
      const refused = recordOwnerMessage(due, 'overdue', false);
      expect(refused).toMatchObject({ status: 'overdue', version: 4, remindersSent: 2 });
    });

    it('never reopens a closed action, though it still records the change', () => {
      for (const closed of [completed(), cancelled()]) {
        const late = recordOwnerMessage(closed, 'overdue', true);
        expect(late.status).toBe(closed.status);
        expect(late.version).toBe(closed.version + 1);
      }
    });
  });

  describe('closed items never reopen', () => {
    it.each([
      ['completed', completed],
      ['cancelled', cancelled],
    ])('a %s action refuses every command with the same reason', (status, make) => {
      const closed = make();
      for (const [, command] of commands) {
        const conflict = conflictOf(() => command(closed));
        expect(conflict.reason).toBe(`the action is already ${status}`);
        expect(conflict.message).toBe(conflict.reason);
        expect(conflict.name).toBe('ActionStageConflict');
      }
    });

    it('a command never changes the state it was given', () => {
      const before = waiting();
      const copy = JSON.parse(JSON.stringify(before));
      for (const [, command] of commands) {
        try {
          command(before);
        } catch {
          // refused commands are covered above
        }
      }
      expect(before).toEqual(copy);
    });

    it('every accepted command bumps the version by exactly one', () => {
      const start = open();
      const accepted: Array<(s: ActionProcessState) => ActionProcessState> = [
        completeAction,
        acknowledgeAction,
        (s) => requestExtension(s, { proposedDueAt: LATER, requestedById: OWNER }),
        (s) => reassignAction(s, 'owner-2'),
        cancelAction,
      ];
      for (const command of accepted) expect(command(start).version).toBe(start.version + 1);
      expect(decideExtension(waiting(), { approved: true }, NOW).version).toBe(3);
      expect(decideExtension(waiting(), { approved: false }, NOW).version).toBe(3);
    });
  });
});
