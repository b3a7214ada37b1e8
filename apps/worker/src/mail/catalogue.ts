import { formatUkDateTime } from '@safeguard/domain';
import { ACTION_LINK_LIFETIME_DAYS } from '@safeguard/platform';
import {
  assertFacts,
  type ActionAssignedFacts,
  type ActionDueFacts,
  type ActionFacts,
  type ActionMessageKind,
  type DigestFacts,
  type DisagreementFacts,
  type DisagreementMessageKind,
  type DisagreementStageFacts,
  type MessageFacts,
  type ActionReminderFacts,
  type MessageKind,
  type SchemaFor,
} from './facts';
import { compileEmailTemplate, type EmailTemplateSource, type RenderedEmail } from './renderer';
import { actionAssignedTemplate } from './templates/action-assigned.template';
import { actionCancelledTemplate } from './templates/action-cancelled.template';
import { actionDueTemplate } from './templates/action-due.template';
import { actionEscalatedTemplate } from './templates/action-escalated.template';
import { actionExtensionApprovedTemplate } from './templates/action-extension-approved.template';
import { actionExtensionRefusedTemplate } from './templates/action-extension-refused.template';
import { actionExtensionRequestedTemplate } from './templates/action-extension-requested.template';
import { actionOverdueTemplate } from './templates/action-overdue.template';
import { actionOwnerUnreachableTemplate } from './templates/action-owner-unreachable.template';
import { actionReminderTemplate } from './templates/action-reminder.template';
import { actionUnescalatedTemplate } from './templates/action-unescalated.template';
import { digestDailyTemplate } from './templates/digest-daily.template';
import { disagreementEscalatedTemplate } from './templates/disagreement-escalated.template';
import { disagreementOverdueTemplate } from './templates/disagreement-overdue.template';
import { disagreementReminderTemplate } from './templates/disagreement-reminder.template';
import { disagreementResolvedTemplate } from './templates/disagreement-resolved.template';
import { disagreementStageStartedTemplate } from './templates/disagreement-stage-started.template';
import { disagreementWithdrawnTemplate } from './templates/disagreement-withdrawn.template';

export interface MessageDefinition<K extends MessageKind> {
  /** Neutral, from the process; the first half of the subject. */
  title: string;
  /** The facts the message takes; anything else is refused. */
  facts: SchemaFor<MessageFacts[K]>;
  template: EmailTemplateSource;
  /** What the template sees, built from facts already checked against `facts`. */
  view(facts: MessageFacts[K], title: string): object;
}

const ACTION_FACTS: SchemaFor<ActionFacts> = {
  reference: 'reference',
  dueAt: 'instant',
  link: 'link',
};

const ACTION_DUE_FACTS: SchemaFor<ActionDueFacts> = {
  ...ACTION_FACTS,
  completeLink: 'optionalActionLink',
};

const ACTION_REMINDER_FACTS: SchemaFor<ActionReminderFacts> = {
  ...ACTION_FACTS,
  acknowledgeLink: 'actionLink',
};

const ACTION_ASSIGNED_FACTS: SchemaFor<ActionAssignedFacts> = {
  ...ACTION_FACTS,
  acknowledgeLink: 'optionalActionLink',
};

const DISAGREEMENT_FACTS: SchemaFor<DisagreementFacts> = {
  reference: 'reference',
  stage: 'stage',
  link: 'link',
};

const DISAGREEMENT_STAGE_FACTS: SchemaFor<DisagreementStageFacts> = {
  ...DISAGREEMENT_FACTS,
  dueAt: 'instant',
};

const DIGEST_FACTS: SchemaFor<DigestFacts> = {
  items: { list: { kind: 'actionKind', reference: 'reference', dueAt: 'instant', link: 'link' } },
  link: 'link',
};

function actionView(facts: ActionFacts, title: string) {
  return {
    title,
    reference: facts.reference,
    due: formatUkDateTime(facts.dueAt),
    dueIso: facts.dueAt.toISOString(),
    link: facts.link,
    linkText: `Open action ${facts.reference} in the safeguarding service`,
  };
}

/** Without a link (an enquiry's deadline), `completeLink` is unset and the email offers none. */
function actionDueView(facts: ActionDueFacts, title: string) {
  return {
    ...actionView(facts, title),
    completeLink: facts.completeLink,
    completeLinkText: `Mark ${facts.reference} as complete in the safeguarding service`,
    completeLinkDays: ACTION_LINK_LIFETIME_DAYS,
  };
}

/** For the messages that ask the owner to acknowledge; without a link, `acknowledgeLink` is unset. */
function actionAcknowledgeView(facts: ActionReminderFacts | ActionAssignedFacts, title: string) {
  return {
    ...actionView(facts, title),
    acknowledgeLink: facts.acknowledgeLink,
    acknowledgeLinkText: `Acknowledge ${facts.reference} in the safeguarding service`,
    acknowledgeLinkDays: ACTION_LINK_LIFETIME_DAYS,
  };
}

/** `due` and `dueIso` are unset once no stage runs; the summary then gives no date. */
function disagreementView(facts: DisagreementFacts | DisagreementStageFacts, title: string) {
  const dueAt = 'dueAt' in facts ? facts.dueAt : undefined;
  return {
    title,
    reference: facts.reference,
    stage: facts.stage,
    due: dueAt && formatUkDateTime(dueAt),
    dueIso: dueAt?.toISOString(),
    link: facts.link,
    linkText: `Open disagreement ${facts.reference} in the safeguarding service`,
  };
}

function digestView(facts: DigestFacts, title: string) {
  const items = [...facts.items]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((item) => actionView(item, MESSAGE_CATALOGUE[item.kind].title));
  const count = items.length;
  const actions = count === 1 ? '1 action' : `${count} actions`;
  return {
    title,
    summary: count === 0 ? 'no actions' : actions,
    intro:
      count === 0
        ? 'No actions need your attention today.'
        : `${actions} ${count === 1 ? 'needs' : 'need'} your attention today.`,
    hasItems: count > 0,
    items,
    link: facts.link,
    linkText: 'See all your actions in the safeguarding service',
  };
}

const actionMessage = (title: string, template: EmailTemplateSource) =>
  ({
    title,
    facts: ACTION_FACTS,
    template,
    view: actionView,
  }) satisfies MessageDefinition<ActionMessageKind>;

type DisagreementStageKind = {
  [K in DisagreementMessageKind]: MessageFacts[K] extends DisagreementStageFacts ? K : never;
}[DisagreementMessageKind];

/** About a stage that is running: it says when the stage's timescale runs out. */
const stageMessage = (title: string, template: EmailTemplateSource) =>
  ({
    title,
    facts: DISAGREEMENT_STAGE_FACTS,
    template,
    view: disagreementView,
  }) satisfies MessageDefinition<DisagreementStageKind>;

/** About a disagreement that is over: no stage runs, so there is no date to give. */
const closingMessage = (title: string, template: EmailTemplateSource) =>
  ({
    title,
    facts: DISAGREEMENT_FACTS,
    template,
    view: disagreementView,
  }) satisfies MessageDefinition<Exclude<DisagreementMessageKind, DisagreementStageKind>>;

/** Every message the service sends. A new kind needs a title, a facts schema and a template. */
export const MESSAGE_CATALOGUE: { readonly [K in MessageKind]: MessageDefinition<K> } = {
  'action.due': {
    title: 'Action due',
    facts: ACTION_DUE_FACTS,
    template: actionDueTemplate,
    view: actionDueView,
  },
  'action.reminder': {
    title: 'Action due soon',
    facts: ACTION_REMINDER_FACTS,
    template: actionReminderTemplate,
    view: actionAcknowledgeView,
  },
  'action.overdue': actionMessage('Action overdue', actionOverdueTemplate),
  'action.escalated': actionMessage('Overdue action escalated to you', actionEscalatedTemplate),
  'action.unescalated': actionMessage(
    'Nobody to escalate an overdue action to',
    actionUnescalatedTemplate,
  ),
  'action.owner-unreachable': actionMessage(
    'Action due, owner unreachable',
    actionOwnerUnreachableTemplate,
  ),
  'action.assigned': {
    title: 'Action assigned to you',
    facts: ACTION_ASSIGNED_FACTS,
    template: actionAssignedTemplate,
    view: actionAcknowledgeView,
  },
  'action.extension-requested': actionMessage(
    'Extension requested',
    actionExtensionRequestedTemplate,
  ),
  'action.extension-approved': actionMessage('Extension approved', actionExtensionApprovedTemplate),
  'action.extension-refused': actionMessage('Extension refused', actionExtensionRefusedTemplate),
  'action.cancelled': actionMessage('Action cancelled', actionCancelledTemplate),
  'disagreement.stage-started': stageMessage(
    'Professional disagreement to acknowledge',
    disagreementStageStartedTemplate,
  ),
  'disagreement.reminder': stageMessage(
    'Professional disagreement awaiting your acknowledgement',
    disagreementReminderTemplate,
  ),
  'disagreement.escalated': stageMessage(
    'Professional disagreement escalated',
    disagreementEscalatedTemplate,
  ),
  'disagreement.overdue': stageMessage(
    'Professional disagreement past its timescale',
    disagreementOverdueTemplate,
  ),
  'disagreement.resolved': closingMessage(
    'Professional disagreement resolved',
    disagreementResolvedTemplate,
  ),
  'disagreement.withdrawn': closingMessage(
    'Professional disagreement withdrawn',
    disagreementWithdrawnTemplate,
  ),
  'digest.daily': {
    title: 'Your safeguarding actions today',
    facts: DIGEST_FACTS,
    template: digestDailyTemplate,
    view: digestView,
  },
};

export const MESSAGE_KINDS = Object.keys(MESSAGE_CATALOGUE) as MessageKind[];

const COMPILED = Object.fromEntries(
  MESSAGE_KINDS.map((kind) => [kind, compileEmailTemplate(MESSAGE_CATALOGUE[kind].template)]),
) as Record<MessageKind, ReturnType<typeof compileEmailTemplate>>;

/**
 * Renders one message as subject, plain text and HTML. Throws `MessageFactsError` if a fact does
 * not fit the kind's schema (a name in a reference, a query string in a link, an extra field).
 */
export function renderMessage<K extends MessageKind>(
  kind: K,
  facts: MessageFacts[K],
): RenderedEmail {
  const definition: MessageDefinition<K> = MESSAGE_CATALOGUE[kind];
  assertFacts(kind, definition.facts, facts);
  return COMPILED[kind](definition.view(facts, definition.title));
}
