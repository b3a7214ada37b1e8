import { defaultPolicy } from '../policy/default-policy';
import {
  acknowledgeStage,
  enterStage,
  firstStage,
  nextStage,
  openDisagreement,
  resolveDisagreement,
  stageNumber,
  whyCannotAcknowledgeStage,
  whyCannotEscalate,
  whyCannotResolve,
  withdrawDisagreement,
  type DisagreementStageKey,
} from './disagreement';

const entry = (stageKey: DisagreementStageKey, participants = ['a', 'b']) => ({
  stageKey,
  startedAt: '2027-02-01T10:00:00.000Z',
  dueAt: '2027-02-08T17:30:00.000Z',
  participants,
});

describe('professional disagreement rules', () => {
  it('follows the policy ladder from stage 1 to the board decision', () => {
    const ladder: DisagreementStageKey[] = [firstStage(false)];
    for (
      let key = nextStage(ladder[0], defaultPolicy.stages);
      key;
      key = nextStage(key, defaultPolicy.stages)
    ) {
      ladder.push(key);
    }
    expect(ladder).toEqual([
      'disagreement.stage-1',
      'disagreement.stage-2',
      'disagreement.stage-3',
      'disagreement.stage-4-inform',
      'disagreement.stage-4-decide',
    ]);
    expect(ladder.map(stageNumber)).toEqual([1, 2, 3, 4, 4]);
    expect(firstStage(true)).toBe('disagreement.stage-3');
  });

  it('lets only the current participants acknowledge, once each', () => {
    let state = openDisagreement(false, entry('disagreement.stage-1'));
    expect(whyCannotAcknowledgeStage(state, 'c')).toBe(
      'only the people taking part at stage 1 can do this',
    );
    state = acknowledgeStage(state, 'a');
    expect(state.acknowledgedBy).toEqual(['a']);
    expect(whyCannotAcknowledgeStage(state, 'a')).toBe('you have already acknowledged stage 1');
  });

  it('starts each stage afresh and remembers the highest reached', () => {
    let state = openDisagreement(false, entry('disagreement.stage-1'));
    state = acknowledgeStage(state, 'a');
    state = enterStage(state, entry('disagreement.stage-3', ['c', 'd']));
    expect(state).toMatchObject({ participants: ['c', 'd'], acknowledgedBy: [], highestStage: 3 });
    expect(state.version).toBe(3);
  });

  it('keeps the board as the last word and the chair informed before it decides', () => {
    const inform = openDisagreement(false, entry('disagreement.stage-4-inform'));
    expect(whyCannotResolve(inform, 'a')).toBe(
      'the independent chair must be informed before the board decides',
    );
    expect(whyCannotEscalate(inform, 'a', 'disagreement.stage-4-decide')).toBe(
      'stage 4 is the last stage: the board decides',
    );
    const decide = enterStage(inform, entry('disagreement.stage-4-decide'));
    expect(resolveDisagreement(decide, 'a', 'outcome').status).toBe('resolved');
  });

  it('refuses everything once withdrawn', () => {
    const state = withdrawDisagreement(openDisagreement(false, entry('disagreement.stage-2')), 'w');
    expect(whyCannotAcknowledgeStage(state, 'a')).toBe('the disagreement has been withdrawn');
    expect(() => enterStage(state, entry('disagreement.stage-3'))).toThrow(
      'the disagreement has been withdrawn',
    );
  });
});
