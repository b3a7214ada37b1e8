import {
  type ActionStatus,
  type ChasedItemKind,
  type EscalationTarget,
  MEETING_ITEM_KINDS,
  type MeetingItemKind,
} from '@safeguard/domain';

/** An item as the API lists it (ActionSummaryView). */
export interface ItemSummary {
  id: string;
  reference: string;
  title: string;
  kind: ChasedItemKind;
  dueAt: string;
  urgent: boolean;
  status: ActionStatus;
  overdue: boolean;
  acknowledged: boolean;
  proposedDueAt: string | null;
  nextReminderAt: string | null;
}

/** An item in full (ActionView). */
export interface Item extends ItemSummary {
  ownerId: string;
  rationale: string | null;
  meetingId: string | null;
  notes: Array<{ id: string; kind: string; text: string; authorId: string; createdAt: string }>;
  reminders: Array<{ id: string; event: string; status: string; sentAt: string | null }>;
  /** What the reader may do with it, as the API says (who may; the workflow says when). */
  yourCommands: string[];
  /** While open: its reminders, chases and escalation ladder, earliest first (ChaseStepView). */
  chasePlan: ChaseStep[];
}

export interface ChaseStep {
  at: string;
  kind: 'reminder' | 'due' | 'chase' | 'escalation';
  notify: EscalationTarget;
  passed: boolean;
}

/** What each step of a chase plan does, in words. */
const STEP_LABELS: Record<ChaseStep['kind'], string> = {
  reminder: 'Reminder that it is due soon',
  due: 'Reminder that it is due',
  chase: 'Chased: it is overdue',
  escalation: 'Escalated: it is overdue',
};

/** Who a step tells: policy names roles, the directory names the person when it goes. */
const TARGET_LABELS: Record<EscalationTarget, string> = {
  owner: 'The person it is asked of',
  'owner-line-manager': 'Their line manager',
  'agency-designated-lead': 'Their agency’s designated safeguarding lead',
  'head-of-service': 'Their agency’s head of service',
  'local-authority-lead': 'The local authority’s safeguarding lead',
  board: 'The safeguarding adults board',
};

export function stepLabels(step: ChaseStep): { what: string; who: string } {
  return { what: STEP_LABELS[step.kind], who: TARGET_LABELS[step.notify] };
}

/** Where an item stands for the person it is asked of: what the badge on it says. */
export type ItemState = 'overdue' | 'due-soon' | 'waiting-decision' | 'later';

export const ITEM_STATES: Record<ItemState, { label: string; tagClass: string }> = {
  overdue: { label: 'Overdue', tagClass: 'govuk-tag--red' },
  'due-soon': { label: 'Due soon', tagClass: 'govuk-tag--yellow' },
  'waiting-decision': { label: 'More time asked for', tagClass: 'govuk-tag--blue' },
  later: { label: 'Not due yet', tagClass: 'govuk-tag--grey' },
};

/** The groups people filter by. */
export const ITEM_GROUPS = {
  meeting: 'Meeting actions',
  enquiry: 'Enquiry deadlines',
  disagreement: 'Disagreement stages',
} as const;
export type ItemGroup = keyof typeof ITEM_GROUPS;

/** What each kind of item is called on a page. */
const KIND_LABELS: Record<ChasedItemKind, string> = {
  action: 'Meeting action',
  'action-log': 'Action log to circulate',
  minutes: 'Minutes to circulate',
  review: 'Meeting review',
  'concern-acknowledgement': 'Acknowledge a concern',
  's42-decision': 'Section 42 decision',
  'strategy-discussion': 'Strategy discussion',
  'delegation-response': 'Answer a delegated enquiry',
  'enquiry-report': 'Enquiry report',
  'report-review': 'Review an enquiry report',
  'outcome-and-plan': 'Outcome and safeguarding plan',
  'plan-review': 'Safeguarding plan review',
};

export function kindLabel(kind: ChasedItemKind): string {
  return KIND_LABELS[kind];
}

export function groupOf(kind: ChasedItemKind): Exclude<ItemGroup, 'disagreement'> {
  return (MEETING_ITEM_KINDS as readonly string[]).includes(kind as MeetingItemKind)
    ? 'meeting'
    : 'enquiry';
}

/** Due within this long counts as due soon. */
const DUE_SOON_MS = 7 * 24 * 3_600_000;

export function stateOf(
  item: Pick<ItemSummary, 'overdue' | 'proposedDueAt' | 'dueAt'>,
  now = Date.now(),
): ItemState {
  if (item.overdue) return 'overdue';
  if (item.proposedDueAt) return 'waiting-decision';
  if (new Date(item.dueAt).getTime() - now <= DUE_SOON_MS) return 'due-soon';
  return 'later';
}
