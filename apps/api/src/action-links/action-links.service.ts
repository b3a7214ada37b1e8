import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionStatus } from '@safeguard/domain';
import { appendChronology, partnershipChain } from '@safeguard/persistence';
import {
  verifyActionLink,
  type ActionLink,
  type ActionLinkCheck,
  type ActionLinkVerb,
} from '@safeguard/platform';
import { acknowledgeActionUpdate } from '@safeguard/workflows';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException, ProblemType } from '../common/problem';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import {
  assertNotClosedByCirculation,
  assertNotEnquiryDeadline,
  CLOSES_WITH_ENQUIRY,
} from '../actions/action-access';
import { ActionWorkflowGateway } from '../actions/action-workflow.gateway';
import { ActionLinkView, LINK_REFUSALS } from './link-answers';

/** The action a link is about and its recipient, as they stand now. */
interface LinkTarget {
  reference: string;
  partnershipId: string | null;
  workflowId: string;
  status: ActionStatus;
  recipientAgencyId: string;
  /** The recipient still owns the action and is active, so the link may still act for them. */
  stillTheirs: boolean;
  /** Set when the action is a deadline of a Section 42 enquiry. */
  enquiryReference: string | null;
  kind: string;
  meetingId: string | null;
}

/**
 * What each verb's signed-in route refuses before the workflow is asked, whatever the stage (409):
 * an enquiry's deadline is completed only through the enquiry, so a complete link for one (issued
 * before reminders stopped offering them) is refused like `POST /actions/:id/complete`.
 */
const GUARDS: Record<ActionLinkVerb, (target: LinkTarget) => void> = {
  complete: (target) => {
    assertNotEnquiryDeadline(target, CLOSES_WITH_ENQUIRY);
    assertNotClosedByCirculation(target);
  },
  acknowledge: () => undefined,
};

/** How a use ended, as the chronology records it (single tokens). */
type Outcome = 'done' | 'expired' | 'already-used' | 'not-owner' | 'stage-conflict';

/**
 * Action links let a recipient act on one action from an email, without an account: the signed
 * token is the credential, and it is spent by its first use.
 */
@Injectable()
export class ActionLinksService {
  private readonly logger = new Logger(ActionLinksService.name);

  /** Each verb goes through the same use case as its signed-in route. */
  private readonly perform: Record<
    ActionLinkVerb,
    (target: LinkTarget, recipientId: string) => Promise<void>
  > = {
    complete: (target, recipientId) => this.workflow.complete(target, recipientId),
    acknowledge: (target, recipientId) =>
      this.workflow.execute(target, acknowledgeActionUpdate, { actorId: recipientId }),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly workflow: ActionWorkflowGateway,
  ) {}

  /**
   * What the link would do, or why it cannot. Changes nothing and records nothing: mail
   * scanners open links before people do.
   */
  async preview(token: string): Promise<ActionLinkView> {
    const check = this.verify(token);
    if (!check.ok) {
      throw (check.reason === 'expired' ? LINK_REFUSALS.expired : LINK_REFUSALS.invalid)();
    }
    const { link } = check;
    const target = await this.target(this.dataSource.manager, link);
    if (!target) throw LINK_REFUSALS.invalid();
    const [{ used }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM action_link_uses WHERE link_id = $1) AS used`,
      [link.linkId],
    );
    if (used) throw LINK_REFUSALS.used();
    if (!target.stillTheirs) throw LINK_REFUSALS.notYours();
    const refused = closedRefusal(target.status) ?? verbRefusal(target, link.verb);
    if (refused) throw refused;
    return { reference: target.reference, verb: link.verb, done: false };
  }

  /**
   * Uses the link: claims it, checks it may still act, performs its verb and records the outcome,
   * in one transaction. A refusal after the claim still spends the link; a failure of the
   * workflow service rolls the claim back, so the recipient can try again.
   */
  async use(token: string, requestId: string): Promise<ActionLinkView> {
    const check = this.verify(token);
    // Without a good signature nothing in the token can be trusted, not even what to record.
    if (!check.ok && check.reason !== 'expired') throw LINK_REFUSALS.invalid();
    const { link } = check;
    let answer: ActionLinkView | ProblemException;
    try {
      // A refusal is an answer, not an error: returned, so that its record commits.
      answer = await this.dataSource.transaction(async (db) => {
        const target = await this.target(db, link);
        if (!target) return LINK_REFUSALS.invalid();
        const outcome = async <T>(result: Outcome, answered: T) => {
          await this.record(db, link, target, requestId, result);
          return answered;
        };
        if (!check.ok) return outcome('expired', LINK_REFUSALS.expired());
        if (!(await this.claim(db, link))) return outcome('already-used', LINK_REFUSALS.used());
        if (!target.stillTheirs) return outcome('not-owner', LINK_REFUSALS.notYours());
        const refused = closedRefusal(target.status) ?? verbRefusal(target, link.verb);
        if (refused) return outcome('stage-conflict', refused);
        try {
          await this.perform[link.verb](target, link.recipientId);
        } catch (error) {
          const reason = stageConflictReason(error);
          if (reason === undefined) throw error;
          return outcome('stage-conflict', LINK_REFUSALS.refused(reason));
        }
        return outcome('done', { reference: target.reference, verb: link.verb, done: true });
      });
    } catch (error) {
      this.logger.error(error);
      throw LINK_REFUSALS.unavailable();
    }
    if (answer instanceof ProblemException) throw answer;
    return answer;
  }

  private verify(token: string): ActionLinkCheck {
    return verifyActionLink(token, new Date(), this.config.actionLinkSecret);
  }

  private async target(db: EntityManager, link: ActionLink): Promise<LinkTarget | undefined> {
    const [row] = await db.query(
      `SELECT a.reference, a.kind, a.meeting_id, a.partnership_id, a.workflow_id, a.status, p.agency_id,
              (a.owner_id = p.id AND p.active) AS still_theirs, e.reference AS enquiry_reference
         FROM actions a
         JOIN people p ON p.id = $2
         LEFT JOIN enquiries e ON e.id = a.enquiry_id
        WHERE a.id = $1`,
      [link.actionId, link.recipientId],
    );
    return (
      row && {
        reference: row.reference,
        partnershipId: row.partnership_id,
        workflowId: row.workflow_id,
        status: row.status,
        recipientAgencyId: row.agency_id,
        stillTheirs: row.still_theirs,
        enquiryReference: row.enquiry_reference ?? null,
        kind: row.kind,
        meetingId: row.meeting_id,
      }
    );
  }

  /**
   * True if this use is the link's first. A concurrent use of the same link waits on the row
   * this inserts and, once it commits, finds it taken.
   */
  private async claim(db: EntityManager, link: ActionLink): Promise<boolean> {
    const inserted: unknown[] = await db.query(
      `INSERT INTO action_link_uses (link_id, action_id, recipient_id, verb, used_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (link_id) DO NOTHING
       RETURNING link_id`,
      [link.linkId, link.actionId, link.recipientId, link.verb],
    );
    return inserted.length > 0;
  }

  /** The recipient acted, through the link (role `link`), whatever the outcome. */
  private record(
    db: EntityManager,
    link: ActionLink,
    target: LinkTarget,
    requestId: string,
    outcome: Outcome,
  ): Promise<void> {
    return appendChronology(db, {
      subjectType: 'action',
      subjectId: link.actionId,
      event: outcome === 'done' ? 'action-link.used' : 'action-link.refused',
      kind: 'command',
      chain: partnershipChain(target.partnershipId),
      actor: { personId: link.recipientId, agencyId: target.recipientAgencyId, role: 'link' },
      requestId,
      detail: { linkId: link.linkId, verb: link.verb, outcome },
    });
  }
}

/** Why a closed action's link cannot act, whatever its verb; undefined while the action is open. */
function closedRefusal(status: ActionStatus): ProblemException | undefined {
  if (status === 'completed') return LINK_REFUSALS.alreadyComplete();
  if (status === 'cancelled') return LINK_REFUSALS.cancelled();
  return undefined;
}

/** Why the verb is refused outright for this action (see `GUARDS`); undefined if it is not. */
function verbRefusal(target: LinkTarget, verb: ActionLinkVerb): ProblemException | undefined {
  try {
    GUARDS[verb](target);
    return undefined;
  } catch (error) {
    const reason = stageConflictReason(error);
    if (reason === undefined) throw error;
    return LINK_REFUSALS.refused(reason);
  }
}

/** The workflow's reason for refusing the verb at this stage (409), if that is what `error` is. */
function stageConflictReason(error: unknown): string | undefined {
  if (!(error instanceof ProblemException)) return undefined;
  if (error.problem.type !== ProblemType.stageConflict) return undefined;
  return error.problem.detail ?? 'the action is not at a stage where this can be done';
}
