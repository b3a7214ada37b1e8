import {
  chaseTimetable,
  DISAGREEMENT_STAGE_KEYS,
  type DisagreementStageKey,
  type PolicyDocument,
} from '@safeguard/domain';
import type { PolicyPin } from '../chasing/action-chaser.contract';
import type {
  DisagreementPolicy,
  DisagreementStageRules,
} from './professional-disagreement.contract';

/**
 * What a disagreement needs from the pinned policy version, copied into its input so publishing
 * a new version never changes a running one: each stage's timescale, reminders and hand-over,
 * the working day, the send window, and how agreed actions are chased.
 */
export function disagreementPolicyOf(document: PolicyDocument, pin: PolicyPin): DisagreementPolicy {
  const stages = Object.fromEntries(
    DISAGREEMENT_STAGE_KEYS.map((key): [DisagreementStageKey, DisagreementStageRules] => {
      const stage = document.stages[key];
      const { timescale, variants, autoEscalateTo } = stage;
      return [
        key,
        {
          timescale,
          ...(variants ? { variants } : {}),
          ...chaseTimetable(stage),
          ...(autoEscalateTo ? { autoEscalateTo } : {}),
        },
      ];
    }),
  ) as Record<DisagreementStageKey, DisagreementStageRules>;
  return {
    pin,
    nation: document.nation,
    workingDay: document.workingDay,
    sendWindow: document.sendWindow,
    stages,
    actionTimetable: chaseTimetable(document.stages['meeting.action']),
  };
}
