import { createDefaultPolicy, defaultPolicy } from './default-policy';
import { STAGE_KEYS } from './stage-keys';
import { stagePolicy, timescaleFor } from './stage-policy';
import { validatePolicy } from './validate-policy';

const stage = (key: Parameters<typeof stagePolicy>[1]) => stagePolicy(defaultPolicy, key);

describe('default policy', () => {
  it('validates and covers every stage, in the published order', () => {
    expect(validatePolicy(defaultPolicy)).toEqual({ ok: true, policy: defaultPolicy });
    expect(Object.keys(defaultPolicy.stages)).toEqual([...STAGE_KEYS]);
  });

  it('validates after a JSON round trip, as it would when stored and read back', () => {
    const stored = JSON.parse(JSON.stringify(defaultPolicy));
    expect(validatePolicy(stored)).toEqual({ ok: true, policy: defaultPolicy });
  });

  it('uses England and Wales working days, 08:30–17:30, with urgent items exempt from quiet hours', () => {
    expect(defaultPolicy).toMatchObject({
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
      workingDay: { start: '08:30', end: '17:30' },
      sendWindow: { days: 'working-days', start: '08:30', end: '17:30', urgentExempt: true },
    });
  });

  it('gives the Section 42 timescales of practice.md', () => {
    expect(stage('s42.acknowledge-concern').timescale).toEqual({ workingDays: 0 });
    expect(stage('s42.decision').timescale).toEqual({ workingDays: 1 });
    expect(timescaleFor(stage('s42.decision'), 'urgent')).toEqual({ workingDays: 0 });
    expect(stage('s42.strategy-discussion').timescale).toEqual({ workingDays: 5 });
    expect(timescaleFor(stage('s42.strategy-discussion'), 'urgent')).toEqual({ workingDays: 1 });
    expect(stage('s42.delegation-acceptance').timescale).toEqual({ workingDays: 2 });
    expect(stage('s42.quality-assurance').timescale).toEqual({ workingDays: 5 });
    expect(stage('s42.outcome-and-plan').timescale).toEqual({ workingDays: 20 });
    expect(stage('s42.plan-review').timescale).toEqual({ calendarDays: 42 });
  });

  it('chases the enquiry report as practice.md says', () => {
    const report = stage('s42.enquiry-report');
    expect(timescaleFor(report)).toEqual({ workingDays: 20 });
    expect(timescaleFor(report, 'complex')).toEqual({ workingDays: 28 });
    expect(report.remindersBeforeDue).toEqual([{ workingDays: -5 }, { workingDays: 0 }]);
    expect(report.escalation).toEqual([
      { after: { workingDays: 1 }, notify: 'agency-designated-lead' },
      { after: { workingDays: 5 }, notify: 'local-authority-lead' },
    ]);
  });

  it('gives the meeting follow-up timescales and our chase defaults', () => {
    expect(stage('meeting.action-log').timescale).toEqual({ workingDays: 1 });
    expect(stage('meeting.full-minutes').timescale).toEqual({ workingDays: 10 });
    const action = stage('meeting.action');
    expect(action.remindersBeforeDue).toEqual([{ workingDays: -3 }, { workingDays: 0 }]);
    expect(action.overdueChases).toEqual([{ workingDays: 1 }, { workingDays: 5 }]);
    expect(action.escalation).toEqual([
      { after: { workingDays: 5 }, notify: 'owner-line-manager' },
      { after: { workingDays: 10 }, notify: 'agency-designated-lead' },
      { after: { workingDays: 10 }, notify: 'local-authority-lead' },
    ]);
  });

  it('gives the disagreement ladder, with immediate risk at stage 3 the same working day', () => {
    const days = (
      [
        'disagreement.stage-1',
        'disagreement.stage-2',
        'disagreement.stage-3',
        'disagreement.stage-4-inform',
        'disagreement.stage-4-decide',
      ] as const
    ).map((key) => stage(key).timescale);
    expect(days).toEqual([5, 5, 2, 1, 1].map((workingDays) => ({ workingDays })));
    expect(timescaleFor(stage('disagreement.stage-3'), 'urgent')).toEqual({ workingDays: 0 });
    expect(stage('disagreement.stage-1').autoEscalateTo).toBe('disagreement.stage-2');
    expect(stage('disagreement.stage-3').autoEscalateTo).toBe('disagreement.stage-4-inform');
  });

  it('names the published source of every stage and keeps titles neutral', () => {
    for (const key of STAGE_KEYS) {
      expect(stage(key).basis).toEqual(expect.stringMatching(/\S/));
      expect(stage(key).title).toMatch(/^[A-Z][a-z]*( [a-z0-9]+)* due$/);
    }
  });

  it('cannot be changed in place, but hands out fresh copies that can', () => {
    expect(() => {
      (defaultPolicy.stages['meeting.action'].timescale as { workingDays: number }).workingDays = 1;
    }).toThrow(TypeError);
    const copy = createDefaultPolicy();
    copy.stages['meeting.action'].timescale = { workingDays: 15 };
    expect(defaultPolicy.stages['meeting.action'].timescale).toEqual({ workingDays: 10 });
    expect(createDefaultPolicy()).toEqual(defaultPolicy);
  });

  it('falls back to the standard timescale when a stage has no such variant', () => {
    expect(timescaleFor(stage('meeting.action'), 'urgent')).toEqual({ workingDays: 10 });
  });
});
