import type { EscalationTier, PolicyDocument } from './policy.schema';

/**
 * Immediate risk climbs in hours, not days: the agency's designated safeguarding lead 2 hours
 * after the due time, the local authority's safeguarding lead (for an enquiry's deadline, its
 * enquiry manager) 4 hours after. Ours: the sources say "immediate risk first" and "the same
 * day" without fixing the hours.
 */
function urgentLadder(): EscalationTier[] {
  return [
    { after: { duration: 'PT2H' }, notify: 'agency-designated-lead' },
    { after: { duration: 'PT4H' }, notify: 'local-authority-lead' },
  ];
}

/**
 * The policy a partnership starts from: the published timescales of the practice primer
 * (practice.md in the shared docs). Where practice names a "team manager" the target is
 * owner-line-manager, and the LA enquiry manager is local-authority-lead. Chase and escalation
 * days that no procedure fixes are ours and say so in their basis.
 */
export function createDefaultPolicy(): PolicyDocument {
  return {
    schemaVersion: 1,
    name: 'Default policy (published UK practice)',
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
    workingDay: { start: '08:30', end: '17:30' },
    sendWindow: { days: 'working-days', start: '08:30', end: '17:30', urgentExempt: true },
    stages: {
      's42.acknowledge-concern': {
        title: 'Acknowledgement due',
        timescale: { workingDays: 0 },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'owner-line-manager' }],
        urgentEscalation: urgentLadder(),
        basis: 'Lancashire-style stages tables: same working day',
      },
      's42.decision': {
        title: 'Decision due',
        timescale: { workingDays: 1 },
        variants: { urgent: { workingDays: 0 } },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [
          { after: { workingDays: 1 }, notify: 'owner-line-manager' },
          { after: { workingDays: 3 }, notify: 'head-of-service' },
        ],
        urgentEscalation: urgentLadder(),
        basis: 'Pan-Lancashire SAB stages table: end of next working day (urgent: same day)',
      },
      's42.strategy-discussion': {
        title: 'Strategy discussion due',
        timescale: { workingDays: 5 },
        variants: { urgent: { workingDays: 1 } },
        remindersBeforeDue: [{ workingDays: -1 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [
          { after: { workingDays: 1 }, notify: 'owner-line-manager' },
          { after: { workingDays: 3 }, notify: 'head-of-service' },
        ],
        urgentEscalation: urgentLadder(),
        basis: 'Pan-Lancashire SAB stages table; Somerset SAB: routine 5 WD, urgent 1 WD',
      },
      's42.delegation-acceptance': {
        title: 'Response to request due',
        timescale: { workingDays: 2 },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [
          { after: { workingDays: 1 }, notify: 'agency-designated-lead' },
          { after: { workingDays: 3 }, notify: 'local-authority-lead' },
        ],
        urgentEscalation: urgentLadder(),
        basis: 'Inference from the duty to cooperate: acceptance within 2 WD',
      },
      's42.enquiry-report': {
        title: 'Report due',
        timescale: { workingDays: 20 },
        variants: { complex: { workingDays: 28 } },
        remindersBeforeDue: [{ workingDays: -5 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }, { workingDays: 5 }],
        escalation: [
          { after: { workingDays: 1 }, notify: 'agency-designated-lead' },
          { after: { workingDays: 5 }, notify: 'local-authority-lead' },
        ],
        urgentEscalation: urgentLadder(),
        basis: 'Pan-Lancashire SAB (4 working weeks); Wigan Council (28 WD when complex)',
      },
      's42.quality-assurance': {
        title: 'Report review due',
        timescale: { workingDays: 5 },
        remindersBeforeDue: [{ workingDays: -1 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'owner-line-manager' }],
        urgentEscalation: urgentLadder(),
        basis: 'Inference: local authority quality assurance within 5 WD',
      },
      's42.outcome-and-plan': {
        title: 'Outcome and plan due',
        timescale: { workingDays: 20 },
        remindersBeforeDue: [{ workingDays: -5 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }, { workingDays: 5 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'owner-line-manager' }],
        urgentEscalation: urgentLadder(),
        basis: 'Pan-Lancashire SAB: 20 WD after the enquiry ends',
      },
      's42.plan-review': {
        // 42 calendar days rather than 30 WD: a bank holiday must not push a review past 6 weeks.
        title: 'Plan review due',
        timescale: { calendarDays: 42 },
        remindersBeforeDue: [{ workingDays: -5 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'local-authority-lead' }],
        urgentEscalation: urgentLadder(),
        basis:
          'Pan-Lancashire SAB; Wales procedures: first review within 6 weeks, then at most every 6 weeks',
      },
      'meeting.action-log': {
        title: 'Action log due',
        timescale: { workingDays: 1 },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 2 }, notify: 'owner-line-manager' }],
        urgentEscalation: urgentLadder(),
        basis: 'Published meeting practice: actions and decisions circulated within 1 WD',
      },
      'meeting.full-minutes': {
        title: 'Minutes due',
        timescale: { workingDays: 10 },
        remindersBeforeDue: [{ workingDays: -3 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }, { workingDays: 5 }],
        escalation: [{ after: { workingDays: 5 }, notify: 'owner-line-manager' }],
        urgentEscalation: urgentLadder(),
        basis: 'Published meeting practice: full minutes within 10 WD',
      },
      'meeting.action': {
        title: 'Action due',
        timescale: { workingDays: 10 },
        remindersBeforeDue: [{ workingDays: -3 }, { workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }, { workingDays: 5 }],
        escalation: [
          { after: { workingDays: 5 }, notify: 'owner-line-manager' },
          { after: { workingDays: 10 }, notify: 'agency-designated-lead' },
          { after: { workingDays: 10 }, notify: 'local-authority-lead' },
        ],
        urgentEscalation: urgentLadder(),
        basis:
          'Service default: no procedure fixes chase intervals; 10 WD applies only when the meeting agreed no date',
      },
      'disagreement.stage-1': {
        title: 'Stage 1 response due',
        timescale: { workingDays: 5 },
        remindersBeforeDue: [{ workingDays: -1 }, { workingDays: 0 }],
        overdueChases: [],
        escalation: [],
        autoEscalateTo: 'disagreement.stage-2',
        basis: 'London children’s procedures; Cheshire West and Chester SAB: within a working week',
      },
      'disagreement.stage-2': {
        title: 'Stage 2 response due',
        timescale: { workingDays: 5 },
        remindersBeforeDue: [{ workingDays: -1 }, { workingDays: 0 }],
        overdueChases: [],
        escalation: [],
        autoEscalateTo: 'disagreement.stage-3',
        basis: 'Lincolnshire joint professional escalation resolution protocol: 5 WD',
      },
      'disagreement.stage-3': {
        title: 'Stage 3 response due',
        timescale: { workingDays: 2 },
        // Immediate risk of harm starts here, at the designated leads, on the same working day.
        variants: { urgent: { workingDays: 0 } },
        remindersBeforeDue: [{ workingDays: -1 }, { workingDays: 0 }],
        overdueChases: [],
        escalation: [],
        autoEscalateTo: 'disagreement.stage-4-inform',
        basis: 'Lincolnshire joint protocol: 2 WD; immediate risk: designated leads the same day',
      },
      'disagreement.stage-4-inform': {
        title: 'Stage 4 notification due',
        timescale: { workingDays: 1 },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'board' }],
        basis: 'BCP and Dorset SAB procedures: independent chair informed within 1 WD',
      },
      'disagreement.stage-4-decide': {
        title: 'Stage 4 decision due',
        timescale: { workingDays: 1 },
        remindersBeforeDue: [{ workingDays: 0 }],
        overdueChases: [{ workingDays: 1 }],
        escalation: [{ after: { workingDays: 1 }, notify: 'board' }],
        basis: 'BCP and Dorset SAB procedures: decision within 1 WD',
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Frozen, so no caller can change the shipped default for everyone; copy with createDefaultPolicy. */
export const defaultPolicy: PolicyDocument = deepFreeze(createDefaultPolicy());
