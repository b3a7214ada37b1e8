import {
  chaseTimetable,
  ENQUIRY_ITEM_KINDS,
  STAGE_OF_ENQUIRY_ITEM,
  type EnquiryItemKind,
  type PolicyDocument,
} from '@safeguard/domain';
import type { PolicyPin } from '../chasing/action-chaser.contract';
import type { EnquiryPolicy, EnquiryStageRules } from './section42-enquiry.contract';

/**
 * What an enquiry needs from the pinned policy version, copied into its input so publishing a new
 * version never changes a running enquiry: each deadline's timescale and chase timetable, the
 * working day and the send window.
 */
export function enquiryPolicyOf(document: PolicyDocument, pin: PolicyPin): EnquiryPolicy {
  const stages = Object.fromEntries(
    ENQUIRY_ITEM_KINDS.map((kind): [EnquiryItemKind, EnquiryStageRules] => {
      const stage = document.stages[STAGE_OF_ENQUIRY_ITEM[kind]];
      const { timescale, variants } = stage;
      return [kind, { timescale, ...(variants ? { variants } : {}), ...chaseTimetable(stage) }];
    }),
  ) as Record<EnquiryItemKind, EnquiryStageRules>;
  return {
    pin,
    nation: document.nation,
    workingDay: document.workingDay,
    sendWindow: document.sendWindow,
    stages,
  };
}
