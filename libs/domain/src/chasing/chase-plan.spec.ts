import fc from 'fast-check';
import { NATIONS } from '../calendar/bank-holidays';
import { ukLocalDate, ukLocalDateTime } from '../calendar/uk-time';
import { isWorkingDay } from '../calendar/working-day-clock';
import { defaultPolicy } from '../policy/default-policy';
import type { SendWindow } from '../policy/policy.schema';
import {
  chasePlan,
  escalationLadder,
  offsetInstant,
  silencedByAcknowledgement,
  touchesStillToCome,
  type ChaseCalendar,
  type ChaseTimetable,
  type Touch,
} from './chase-plan';

/** The default policy's meeting.action stage: −3 and 0 WD; +1 and +5 WD; +5, +10, +10 WD. */
const meetingAction: ChaseTimetable = defaultPolicy.stages['meeting.action'];
const sendWindow: SendWindow = defaultPolicy.sendWindow;
const england: ChaseCalendar = { nation: 'england-and-wales', sendWindow };
const scotland: ChaseCalendar = { nation: 'scotland', sendWindow };

const iso = (touch: Touch) => new Date(touch.at).toISOString();
const summary = (plan: Touch[]) => plan.map((t) => [t.key, t.kind, t.notify, iso(t)]);

describe('chase plan', () => {
  it('uses the default policy timetable it claims to (guards the fixtures below)', () => {
    expect(meetingAction).toEqual({
      title: 'Action due',
      timescale: { workingDays: 10 },
      remindersBeforeDue: [{ workingDays: -3 }, { workingDays: 0 }],
      overdueChases: [{ workingDays: 1 }, { workingDays: 5 }],
      escalation: [
        { after: { workingDays: 5 }, notify: 'owner-line-manager' },
        { after: { workingDays: 10 }, notify: 'agency-designated-lead' },
        { after: { workingDays: 10 }, notify: 'local-authority-lead' },
      ],
      urgentEscalation: [
        { after: { duration: 'PT2H' }, notify: 'agency-designated-lead' },
        { after: { duration: 'PT4H' }, notify: 'local-authority-lead' },
      ],
      basis: expect.any(String),
    });
    expect(sendWindow).toEqual({
      days: 'working-days',
      start: '08:30',
      end: '17:30',
      urgentExempt: true,
    });
  });

  describe('the default meeting.action stage', () => {
    it('around a due date after the spring bank holiday (BST: the window opens 07:30 UTC)', () => {
      // Due Tuesday 26 May 2026, end of the working day; Monday 25 May is a bank holiday.
      const plan = chasePlan(meetingAction, new Date('2026-05-26T16:30:00Z'), england);
      expect(summary(plan)).toEqual([
        // −3 WD skips the bank holiday and the weekend: Fri 22, Thu 21, Wed 20.
        ['reminder-0', 'reminder', 'owner', '2026-05-20T07:30:00.000Z'],
        // 0 WD: the due day itself, when its window opens, hours before the due instant.
        ['reminder-1', 'due', 'owner', '2026-05-26T07:30:00.000Z'],
        ['chase-0', 'chase', 'owner', '2026-05-27T07:30:00.000Z'],
        // +5 WD: Wed 27, Thu 28, Fri 29, Mon 1, Tue 2 June; the chase before the tier due with it.
        ['chase-1', 'chase', 'owner', '2026-06-02T07:30:00.000Z'],
        [
          'escalation-owner-line-manager',
          'escalation',
          'owner-line-manager',
          '2026-06-02T07:30:00.000Z',
        ],
        // +10 WD: Tue 9 June; two tiers at once, in policy order.
        [
          'escalation-agency-designated-lead',
          'escalation',
          'agency-designated-lead',
          '2026-06-09T07:30:00.000Z',
        ],
        [
          'escalation-local-authority-lead',
          'escalation',
          'local-authority-lead',
          '2026-06-09T07:30:00.000Z',
        ],
      ]);
    });

    it('across a weekend in winter (GMT: the window opens 08:30 UTC)', () => {
      // Due Wednesday 14 January 2026.
      const plan = chasePlan(meetingAction, new Date('2026-01-14T17:30:00Z'), england);
      expect(plan.map(iso)).toEqual([
        '2026-01-09T08:30:00.000Z', // −3: Tue 13, Mon 12, Fri 9
        '2026-01-14T08:30:00.000Z',
        '2026-01-15T08:30:00.000Z',
        '2026-01-21T08:30:00.000Z', // +5: Thu 15, Fri 16, Mon 19, Tue 20, Wed 21
        '2026-01-21T08:30:00.000Z',
        '2026-01-28T08:30:00.000Z', // +10
        '2026-01-28T08:30:00.000Z',
      ]);
    });

    it('across the clocks going forward and Easter, by nation', () => {
      // Due Tuesday 31 March 2026, two days after BST began; Good Friday is 3 April and Easter
      // Monday (6 April) is a bank holiday in England and Wales but not in Scotland.
      const dueAt = new Date('2026-03-31T16:30:00Z');
      const english = chasePlan(meetingAction, dueAt, england);
      const scottish = chasePlan(meetingAction, dueAt, scotland);
      const at = (plan: Touch[], key: string) => iso(plan.find((t) => t.key === key)!);

      // −3 WD is Thursday 26 March, still GMT: 08:30 local is 08:30 UTC.
      expect(at(english, 'reminder-0')).toBe('2026-03-26T08:30:00.000Z');
      expect(at(english, 'reminder-1')).toBe('2026-03-31T07:30:00.000Z');
      expect(at(english, 'chase-0')).toBe('2026-04-01T07:30:00.000Z');
      // +5 WD: Wed 1, Thu 2, (Good Friday, weekend, Easter Monday), Tue 7, Wed 8, Thu 9.
      expect(at(english, 'chase-1')).toBe('2026-04-09T07:30:00.000Z');
      // Scotland works on Easter Monday: Wed 1, Thu 2, Mon 6, Tue 7, Wed 8.
      expect(at(scottish, 'chase-1')).toBe('2026-04-08T07:30:00.000Z');
      expect(at(scottish, 'reminder-0')).toBe('2026-03-26T08:30:00.000Z');
    });

    it('opens at the policy’s own send window, not a fixed 08:30', () => {
      const late = { ...england, sendWindow: { ...sendWindow, start: '10:15' } };
      const plan = chasePlan(meetingAction, new Date('2026-01-14T17:30:00Z'), late);
      expect(plan.map(iso)[0]).toBe('2026-01-09T10:15:00.000Z');
    });

    it('never reminds after the due instant, even one before the window opens', () => {
      // Due at 08:00 on Tuesday 26 May 2026: the due-day reminder goes at 08:00, not 08:30.
      const early = chasePlan(meetingAction, new Date('2026-05-26T07:00:00Z'), england);
      expect(summary(early).slice(0, 3)).toEqual([
        ['reminder-0', 'reminder', 'owner', '2026-05-20T07:30:00.000Z'],
        ['reminder-1', 'due', 'owner', '2026-05-26T07:00:00.000Z'],
        ['chase-0', 'chase', 'owner', '2026-05-27T07:30:00.000Z'],
      ]);
    });

    it('keys touches stably by their place in the policy, distinct within one due date', () => {
      const plan = chasePlan(meetingAction, new Date('2026-05-26T16:30:00Z'), england);
      const again = chasePlan(meetingAction, new Date('2026-07-07T16:30:00Z'), england);
      expect(plan.map((t) => t.key)).toEqual(again.map((t) => t.key));
      expect(new Set(plan.map((t) => t.key)).size).toBe(plan.length);
    });
  });

  describe('ordering ties', () => {
    it('at one instant: chases before escalations, and escalations in policy order', () => {
      const timetable: ChaseTimetable = {
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [
          { after: { workingDays: 1 }, notify: 'local-authority-lead' },
          { after: { workingDays: 1 }, notify: 'head-of-service' },
        ],
      };
      // Due at noon on Saturday 23 May 2026: "+1" lands on the next working day, Tuesday 26
      // (Monday is the bank holiday), for the chase and both tiers alike.
      const plan = chasePlan(timetable, new Date('2026-05-23T11:00:00Z'), england);
      expect(summary(plan)).toEqual([
        // The due-day reminder would also fall on Tuesday, after the item fell due: it is
        // brought back to the due instant itself (quiet hours then hold it in the chaser).
        ['reminder-0', 'due', 'owner', '2026-05-23T11:00:00.000Z'],
        ['chase-0', 'chase', 'owner', '2026-05-26T07:30:00.000Z'],
        [
          'escalation-local-authority-lead',
          'escalation',
          'local-authority-lead',
          '2026-05-26T07:30:00.000Z',
        ],
        ['escalation-head-of-service', 'escalation', 'head-of-service', '2026-05-26T07:30:00.000Z'],
      ]);
    });

    it('sorts by instant first, whatever the lists’ order', () => {
      const timetable: ChaseTimetable = {
        remindersBeforeDue: [{ duration: '-PT1H' }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { duration: 'PT1H' }, notify: 'owner-line-manager' }],
      };
      const plan = chasePlan(timetable, new Date('2026-05-26T16:30:00Z'), england);
      expect(plan.map((t) => t.key)).toEqual([
        'reminder-0',
        'escalation-owner-line-manager',
        'chase-0',
      ]);
    });
  });

  describe('duration and calendar-day offsets', () => {
    it('runs durations in exact elapsed time from the due instant, ignoring the window', () => {
      const timetable: ChaseTimetable = {
        remindersBeforeDue: [{ duration: '-PT2H' }, { duration: 'PT0S' }],
        overdueChases: [{ duration: 'PT4H' }],
        escalation: [{ after: { duration: 'P1D' }, notify: 'head-of-service' }],
      };
      const plan = chasePlan(timetable, new Date('2026-05-26T16:30:00Z'), england);
      expect(summary(plan)).toEqual([
        ['reminder-0', 'reminder', 'owner', '2026-05-26T14:30:00.000Z'],
        ['reminder-1', 'due', 'owner', '2026-05-26T16:30:00.000Z'],
        // 21:30 local: outside the window; the chaser, not the plan, holds it for quiet hours.
        ['chase-0', 'chase', 'owner', '2026-05-26T20:30:00.000Z'],
        ['escalation-head-of-service', 'escalation', 'head-of-service', '2026-05-27T16:30:00.000Z'],
      ]);
    });

    it('counts a day as 24 hours even across a change of the clocks', () => {
      const dueAt = new Date('2026-03-28T12:00:00Z');
      expect(offsetInstant({ duration: 'P1D' }, dueAt, england)).toBe(
        Date.parse('2026-03-29T12:00:00Z'),
      );
      expect(offsetInstant({ duration: '-PT30M' }, dueAt, england)).toBe(
        Date.parse('2026-03-28T11:30:00Z'),
      );
    });

    it('lands calendar days on the named date when the window opens, even at a weekend', () => {
      const dueAt = new Date('2026-05-26T16:30:00Z');
      expect(new Date(offsetInstant({ calendarDays: -6 }, dueAt, england)).toISOString()).toBe(
        '2026-05-20T07:30:00.000Z',
      );
      // Saturday 30 May: the plan names the day; quiet hours hold it until Monday in the chaser.
      expect(new Date(offsetInstant({ calendarDays: 4 }, dueAt, england)).toISOString()).toBe(
        '2026-05-30T07:30:00.000Z',
      );
      const plan = chasePlan(
        { remindersBeforeDue: [{ calendarDays: -1 }], overdueChases: [], escalation: [] },
        dueAt,
        england,
      );
      expect(summary(plan)).toEqual([
        ['reminder-0', 'reminder', 'owner', '2026-05-25T07:30:00.000Z'],
      ]);
    });

    it('names a working-day offset of 0 from a non-working due day the next working day', () => {
      // Due on Easter Monday in England: "the due day" reminder goes on Tuesday 7 April.
      const dueAt = new Date('2026-04-06T16:30:00Z');
      expect(new Date(offsetInstant({ workingDays: 0 }, dueAt, england)).toISOString()).toBe(
        '2026-04-07T07:30:00.000Z',
      );
      expect(new Date(offsetInstant({ workingDays: 0 }, dueAt, scotland)).toISOString()).toBe(
        '2026-04-06T07:30:00.000Z',
      );
    });

    it('refuses an unreadable duration rather than guessing', () => {
      expect(() => offsetInstant({ duration: 'soon' }, new Date(), england)).toThrow(RangeError);
    });
  });

  describe('touches still to come', () => {
    const plan = chasePlan(meetingAction, new Date('2026-05-26T16:30:00Z'), england);
    const keysAt = (now: string) => touchesStillToCome(plan, Date.parse(now)).map((t) => t.key);

    it('keeps the whole plan when laid before the first touch', () => {
      expect(touchesStillToCome(plan, Date.parse('2026-05-11T09:00:00Z'))).toEqual(plan);
    });

    it('collapses the owner’s past messages to the latest, and keeps the future', () => {
      // Between the due-day reminder and the first chase: only "due" goes at once.
      expect(keysAt('2026-05-26T12:00:00Z')).toEqual([
        'reminder-1',
        'chase-0',
        'chase-1',
        'escalation-owner-line-manager',
        'escalation-agency-designated-lead',
        'escalation-local-authority-lead',
      ]);
    });

    it('counts a touch due at this very instant as past', () => {
      expect(keysAt('2026-05-27T07:30:00Z')).toEqual([
        'chase-0',
        'chase-1',
        'escalation-owner-line-manager',
        'escalation-agency-designated-lead',
        'escalation-local-authority-lead',
      ]);
    });

    it('keeps every tier of the ladder already passed, so accountability never lapses', () => {
      expect(keysAt('2026-06-03T12:00:00Z')).toEqual([
        'chase-1',
        'escalation-owner-line-manager',
        'escalation-agency-designated-lead',
        'escalation-local-authority-lead',
      ]);
      expect(keysAt('2026-12-01T12:00:00Z')).toEqual([
        'chase-1',
        'escalation-owner-line-manager',
        'escalation-agency-designated-lead',
        'escalation-local-authority-lead',
      ]);
    });

    it('returns the touches themselves, in plan order', () => {
      const still = touchesStillToCome(plan, Date.parse('2026-06-03T12:00:00Z'));
      expect(still.every((touch) => plan.includes(touch))).toBe(true);
      expect(still.map((t) => t.at)).toEqual([...still.map((t) => t.at)].sort((a, b) => a - b));
    });

    it('has nothing to collapse in an empty plan', () => {
      expect(touchesStillToCome([], Date.now())).toEqual([]);
    });
  });

  describe('properties', () => {
    const dueAt = fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const ascending = (min: number, max: number, maxLength: number) =>
      fc
        .uniqueArray(fc.integer({ min, max }), { maxLength })
        .map((values) => [...values].sort((a, b) => a - b).map((workingDays) => ({ workingDays })));
    const timetable: fc.Arbitrary<ChaseTimetable> = fc.record({
      remindersBeforeDue: ascending(-10, 0, 3),
      overdueChases: ascending(1, 15, 3),
      // The policy schema allows each target once, so keys are unique within a plan.
      escalation: fc
        .uniqueArray(
          fc.record({
            after: fc.integer({ min: 1, max: 20 }).map((workingDays) => ({ workingDays })),
            notify: fc.constantFrom(
              'owner-line-manager',
              'agency-designated-lead',
              'local-authority-lead',
              'head-of-service',
              'board',
            ),
          }),
          { maxLength: 4, selector: (tier) => tier.notify },
        )
        .map((tiers) => [...tiers].sort((a, b) => a.after.workingDays - b.after.workingDays)),
    });
    const calendar: fc.Arbitrary<ChaseCalendar> = fc.record({
      nation: fc.constantFrom(...NATIONS),
      sendWindow: fc.constantFrom(sendWindow, { ...sendWindow, start: '07:00' }),
    });

    it('is sorted, complete, reminds by the due instant, and otherwise opens the window of a working day', () => {
      fc.assert(
        fc.property(timetable, dueAt, calendar, (table, due, where) => {
          const plan = chasePlan(table, due, where);
          expect(plan).toHaveLength(
            table.remindersBeforeDue.length + table.overdueChases.length + table.escalation.length,
          );
          for (let i = 1; i < plan.length; i += 1) {
            expect(plan[i].at).toBeGreaterThanOrEqual(plan[i - 1].at);
          }
          const [hour, minute] = where.sendWindow.start.split(':').map(Number);
          for (const touch of plan) {
            const owedReminder = touch.kind === 'reminder' || touch.kind === 'due';
            // A reminder never comes after the due instant; one that would is sent at it.
            if (owedReminder) expect(touch.at).toBeLessThanOrEqual(due.getTime());
            if (owedReminder && touch.at === due.getTime()) continue;
            const local = ukLocalDateTime(new Date(touch.at));
            expect(isWorkingDay(ukLocalDate(new Date(touch.at)), where.nation)).toBe(true);
            expect([local.hour, local.minute, local.second]).toEqual([hour, minute, 0]);
          }
          // Chases and escalations come only once the item is overdue.
          for (const touch of plan.filter((t) => t.kind === 'chase' || t.kind === 'escalation')) {
            expect(touch.at).toBeGreaterThan(due.getTime());
          }
          expect(new Set(plan.map((t) => t.key)).size).toBe(plan.length);
        }),
        { numRuns: 300 },
      );
    });

    it('keeps what is to come, at most one past owner message, and every tier', () => {
      fc.assert(
        fc.property(
          timetable,
          dueAt,
          calendar,
          fc.integer({ min: -30, max: 40 }),
          (table, due, where, days) => {
            const plan = chasePlan(table, due, where);
            const now = due.getTime() + days * 24 * 60 * 60 * 1000;
            const still = touchesStillToCome(plan, now);
            expect(still.filter((t) => t.at > now)).toEqual(plan.filter((t) => t.at > now));
            expect(still.filter((t) => t.kind === 'escalation')).toEqual(
              plan.filter((t) => t.kind === 'escalation'),
            );
            const pastOwner = still.filter((t) => t.at <= now && t.notify === 'owner');
            expect(pastOwner.length).toBeLessThanOrEqual(1);
            if (plan.some((t) => t.at <= now && t.notify === 'owner')) {
              expect(pastOwner).toEqual(
                plan.filter((t) => t.at <= now && t.notify === 'owner').slice(-1),
              );
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('acknowledgement', () => {
  it('silences the reminders before the item is overdue, never chases or the ladder', () => {
    const plan = chasePlan(meetingAction, new Date('2026-06-17T17:00:00Z'), england);
    const kept = (acknowledged: boolean) =>
      plan.filter((touch) => !silencedByAcknowledgement(touch, acknowledged)).map((t) => t.key);
    expect(kept(false)).toEqual(plan.map((touch) => touch.key));
    expect(kept(true)).toEqual(
      plan
        .filter((touch) => touch.kind === 'chase' || touch.kind === 'escalation')
        .map((t) => t.key),
    );
    expect(kept(true).length).toBeLessThan(plan.length);
  });

  it('climbs the urgent ladder for an immediate risk, in hours, and the routine one otherwise', () => {
    // Due Tuesday 10 March 2026 at 12:00 (GMT).
    const due = new Date('2026-03-10T12:00:00.000Z');
    const ladder = (urgent: boolean) =>
      chasePlan(meetingAction, due, { nation: 'england-and-wales', sendWindow, urgent })
        .filter((touch) => touch.kind === 'escalation')
        .map((touch) => [touch.notify, new Date(touch.at).toISOString()]);
    expect(ladder(true)).toEqual([
      ['agency-designated-lead', '2026-03-10T14:00:00.000Z'],
      ['local-authority-lead', '2026-03-10T16:00:00.000Z'],
    ]);
    expect(ladder(false).map(([notify]) => notify)).toEqual([
      'owner-line-manager',
      'agency-designated-lead',
      'local-authority-lead',
    ]);
    // A stage without an urgent ladder: immediate risk climbs the routine one.
    const routineOnly = { ...meetingAction, urgentEscalation: undefined };
    expect(escalationLadder(routineOnly, true)).toBe(meetingAction.escalation);
  });
});
