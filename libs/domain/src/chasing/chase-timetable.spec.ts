import { defaultPolicy } from '../policy/default-policy';
import { chaseDelivery, chaseTimetable } from './chase-timetable';

describe('chase timetable of a policy stage', () => {
  const stage = defaultPolicy.stages['meeting.action'];

  it('takes the reminders, chases and ladder, and nothing else of the stage', () => {
    expect(chaseTimetable(stage)).toEqual({
      remindersBeforeDue: stage.remindersBeforeDue,
      overdueChases: stage.overdueChases,
      escalation: stage.escalation,
      urgentEscalation: stage.urgentEscalation,
    });
    expect(Object.keys(chaseTimetable(stage))).toEqual([
      'remindersBeforeDue',
      'overdueChases',
      'escalation',
      'urgentEscalation',
    ]);
    // A stage without an urgent ladder gives the timetable it always gave.
    expect(Object.keys(chaseTimetable({ ...stage, urgentEscalation: undefined }))).toEqual([
      'remindersBeforeDue',
      'overdueChases',
      'escalation',
    ]);
  });

  it('is the same for every stage of the policy as reading the stage by hand', () => {
    for (const rules of Object.values(defaultPolicy.stages)) {
      const { remindersBeforeDue, overdueChases, escalation, urgentEscalation } = rules;
      expect(chaseTimetable(rules)).toEqual({
        remindersBeforeDue,
        overdueChases,
        escalation,
        ...(urgentEscalation ? { urgentEscalation } : {}),
      });
    }
  });

  it('sends within the policy send window unless the item is urgent', () => {
    expect(chaseDelivery(defaultPolicy, false)).toEqual({
      nation: defaultPolicy.nation,
      sendWindow: defaultPolicy.sendWindow,
      urgent: false,
    });
    expect(chaseDelivery(defaultPolicy, true).urgent).toBe(true);
  });
});
