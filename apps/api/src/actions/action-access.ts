import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { closesByCirculation } from '@safeguard/domain';
import { accountableIdOf, ActionEntity, EnquiryEntity, PersonEntity } from '@safeguard/persistence';
import { DataSource } from 'typeorm';
import { leadsOwnAgency, seesWholePartnership } from '../auth/access-rules';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';

/**
 * An action as its reader may see it, with whoever answers for it in the process it came from:
 * its meeting's chair, or its enquiry's manager.
 */
export interface VisibleAction {
  action: ActionEntity;
  accountableId: string | null;
  /** Set when the action is a deadline of a Section 42 enquiry. */
  enquiryReference: string | null;
}

/** Why an enquiry's deadline refuses a command on the item itself, or through an action link. */
export const CLOSES_WITH_ENQUIRY = 'it closes when the enquiry records that step';
export const OWNED_THROUGH_ENQUIRY = "its owner changes only through the enquiry's own commands";

/**
 * Refuses (409, saying why) a command on an enquiry's deadline that only the enquiry may give,
 * whoever gives it: a signed-in person (`ActionAccess`) or the recipient of an action link.
 */
export function assertNotEnquiryDeadline(
  { reference, enquiryReference }: { reference: string; enquiryReference: string | null },
  followsEnquiry: string,
): void {
  if (enquiryReference) {
    throw ProblemException.stageConflict(
      `${reference} is a deadline of enquiry ${enquiryReference}: ${followsEnquiry}`,
    );
  }
}

/**
 * Refuses (409, saying how instead) completing the action log or the minutes on their own: they
 * close when the minute-taker records who received them, whoever tries, signed in or by link.
 */
export function assertNotClosedByCirculation({
  reference,
  kind,
  meetingId,
}: {
  reference: string;
  kind: string;
  meetingId: string | null;
}): void {
  if (closesByCirculation(kind)) {
    throw ProblemException.stageConflict(
      `${reference} closes when the minute-taker records who received the ${kind === 'minutes' ? 'minutes' : 'action log'}: POST /meetings/${meetingId}/${kind}/circulated`,
    );
  }
}

/** The commands on an item, as their routes name them. */
export const ACTION_COMMANDS = [
  'acknowledge',
  'complete',
  'extension-request',
  'extension-decision',
  'reassign',
  'cancel',
  'record-circulation',
] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/**
 * Who may ever give each command (403 for anyone else, before any 409), what it is called in
 * that refusal, and why an enquiry's deadline never takes it (409): it follows the enquiry.
 * Whether it can be done now (the item's stage) is the workflow's to say.
 */
const WHO_MAY: Record<
  ActionCommand,
  { by: 'owner' | 'decision-maker' | 'either'; what: string; followsEnquiry?: string }
> = {
  acknowledge: { by: 'owner', what: 'acknowledge it' },
  complete: { by: 'either', what: 'complete it', followsEnquiry: CLOSES_WITH_ENQUIRY },
  'extension-request': { by: 'owner', what: 'ask for more time' },
  'extension-decision': { by: 'decision-maker', what: 'decide on more time' },
  reassign: { by: 'decision-maker', what: 'reassign it', followsEnquiry: OWNED_THROUGH_ENQUIRY },
  cancel: { by: 'decision-maker', what: 'cancel it', followsEnquiry: CLOSES_WITH_ENQUIRY },
  // The action log's or the minutes' own way to close (POST /meetings/:id/<kind>/circulated).
  'record-circulation': { by: 'either', what: 'record who received it' },
};

/** Who answers for an item: the chair of its meeting, or the manager of its enquiry. */
const ACCOUNTABLE = accountableIdOf('action');

/**
 * Whose items a principal oversees, as a condition on the item's `owner`: the people they line
 * manage and, when they lead their agency (leadsOwnAgency), all its people. Each tier of the
 * escalation ladder can open what it is told about; a colleague cannot.
 */
export function overseenOwners(principal: Principal): {
  condition: string;
  parameters: Record<string, unknown>;
} {
  return {
    condition:
      '(owner.line_manager_id = :overseerId OR (:leadsAgency AND owner.agency_id = :overseerAgencyId))',
    parameters: {
      overseerId: principal.personId,
      leadsAgency: leadsOwnAgency(principal),
      overseerAgencyId: principal.agencyId,
    },
  };
}

/**
 * Who may see and command an action. Seeing, on a need-to-know basis: partnership-wide leads see
 * every action of their partnerships; anyone else sees their own, those of the people they line
 * manage, those they answer for as the meeting's chair or the enquiry's manager, and, as one who
 * leads their agency (leadsOwnAgency), every action its people own. So each tier of the
 * escalation ladder can open what it is told about, and a colleague cannot; anything else is
 * simply not found (404).
 * Commanding: the owner acknowledges, asks for more time and completes; the chair (the enquiry's
 * manager for an enquiry's deadline) or a partnership-wide lead decides extensions, reassigns and
 * cancels, and may complete (403 if not). An enquiry's deadline is never completed, cancelled or
 * reassigned on its own: it follows the enquiry's commands (409).
 */
@Injectable()
export class ActionAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visible(id: string, principal: Principal): Promise<VisibleAction> {
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoin(PersonEntity, 'owner', 'owner.id = action.owner_id')
      .leftJoin(EnquiryEntity, 'enquiry', 'enquiry.id = action.enquiry_id')
      .addSelect(ACCOUNTABLE, 'accountable_id')
      .addSelect('enquiry.reference', 'enquiry_reference')
      .where('action.id = :id', { id })
      .andWhere('action.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      });
    if (!seesWholePartnership(principal)) {
      const overseen = overseenOwners(principal);
      query.andWhere(
        `(owner.id = :personId OR ${ACCOUNTABLE} = :personId OR ${overseen.condition})`,
        { personId: principal.personId, ...overseen.parameters },
      );
    }
    const { entities, raw } = await query.getRawAndEntities();
    if (!entities[0]) throw ProblemException.notFound('action');
    return {
      action: entities[0],
      accountableId: raw[0]?.accountable_id ?? null,
      enquiryReference: raw[0]?.enquiry_reference ?? null,
    };
  }

  /** Closing or passing on an enquiry's deadline is the enquiry's business, never the item's. */
  assertNotEnquiryDeadline(
    { action, enquiryReference }: VisibleAction,
    followsEnquiry: string,
  ): void {
    assertNotEnquiryDeadline({ reference: action.reference, enquiryReference }, followsEnquiry);
  }

  /**
   * Refuses a command this principal may never give on this item (403, naming who may), then one
   * an enquiry's deadline never takes (409, saying why).
   */
  assertMay(command: ActionCommand, target: VisibleAction, principal: Principal): void {
    const { by, what, followsEnquiry } = WHO_MAY[command];
    if (!this.gives(command, target, principal)) {
      const who = {
        owner: "the action's owner",
        'decision-maker': `${accountableOf(target)} or a safeguarding lead`,
        either: `the action's owner, ${accountableOf(target)} or a safeguarding lead`,
      }[by];
      throw ProblemException.forbidden(`only ${who} can ${what}`);
    }
    if (followsEnquiry) this.assertNotEnquiryDeadline(target, followsEnquiry);
    if (command === 'complete') assertNotClosedByCirculation(target.action);
  }

  /** The commands this principal may give on this item, by the same table: for its page. */
  commandsFor(target: VisibleAction, principal: Principal): ActionCommand[] {
    return ACTION_COMMANDS.filter(
      (command) =>
        this.gives(command, target, principal) &&
        !(WHO_MAY[command].followsEnquiry && target.enquiryReference) &&
        // The action log and the minutes close by their circulation list, and nothing else does.
        (command === 'complete' || command === 'record-circulation'
          ? closesByCirculation(target.action.kind) === (command === 'record-circulation')
          : true),
    );
  }

  private gives(command: ActionCommand, target: VisibleAction, principal: Principal): boolean {
    const owner = target.action.ownerId === principal.personId;
    switch (WHO_MAY[command].by) {
      case 'owner':
        return owner;
      case 'decision-maker':
        return this.decides(target, principal);
      case 'either':
        return owner || this.decides(target, principal);
    }
  }

  private decides({ accountableId }: VisibleAction, principal: Principal): boolean {
    return seesWholePartnership(principal) || accountableId === principal.personId;
  }
}

function accountableOf({ enquiryReference }: VisibleAction): string {
  return enquiryReference ? "the enquiry's manager" : "the meeting's chair";
}
