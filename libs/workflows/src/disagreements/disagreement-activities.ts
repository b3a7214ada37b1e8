import type { DisagreementStageKey, DisagreementStatus, ParticipantGroup } from '@safeguard/domain';

/**
 * What the professional disagreement workflow asks of the outside world; implemented by the
 * worker. Payloads carry ids, stages and instants: what people wrote stays in Postgres.
 */
export interface DisagreementActivities {
  resolveParticipants(command: ResolveParticipants): Promise<string[]>;
  sendDisagreementMessage(command: SendDisagreementMessage): Promise<void>;
  recordDisagreementState(snapshot: DisagreementStateSnapshot): Promise<void>;
  openAgreedAction(command: OpenAgreedAction): Promise<AgreedActionOpened>;
}

/**
 * A stage's participants, or 'both-sides': the raiser and the other party (the person named, or
 * the designated leads of the agency named when no person was).
 */
export type RecipientGroup = ParticipantGroup | 'both-sides';

/** Who holds the group's roles for this disagreement today, from the directory (person ids). */
export interface ResolveParticipants {
  disagreementId: string;
  group: RecipientGroup;
}

/**
 * 'stage-started': to the stage's participants, asking them to acknowledge; 'reminder': to those
 * who have not; 'escalated': to both sides when the disagreement moves up a stage; 'overdue': the
 * board's stage has passed its timescale; 'resolved' and 'withdrawn': to both sides and the stage.
 */
export type DisagreementMessageEvent =
  'stage-started' | 'reminder' | 'escalated' | 'overdue' | 'resolved' | 'withdrawn';

export interface SendDisagreementMessage {
  disagreementId: string;
  event: DisagreementMessageEvent;
  recipientIds: string[];
  stage: 1 | 2 | 3 | 4;
  /** ISO 8601: when the stage's timescale runs out, for the message to say. */
  dueAt?: string;
  /**
   * Deterministic; the worker keys each person's message by it and their id, so a retry, or the
   * same news sent to two overlapping groups, reaches each person once.
   */
  idempotencyKey: string;
}

/**
 * Creates the chased action for one action agreed in the outcome record (its title, owner and
 * due date are in Postgres, at `index`), idempotently: a retry finds the action it made.
 */
export interface OpenAgreedAction {
  disagreementId: string;
  outcomeId: string;
  index: number;
  actionId: string;
}

/** What the action's chaser needs, read from the outcome record and the pinned policy. */
export interface AgreedActionOpened {
  ownerId: string;
  dueAt: string;
  urgent: boolean;
}

export interface DisagreementStateSnapshot {
  disagreementId: string;
  version: number;
  changedAt: string;
  /** The chronology entry this change appends, e.g. "disagreement.escalated". */
  event: string;
  actorId?: string;
  status: DisagreementStatus;
  /** Raised as, or later found to be, an immediate risk (absent in snapshots before that). */
  immediateRisk?: boolean;
  stageKey: DisagreementStageKey;
  stage: 1 | 2 | 3 | 4;
  highestStage: 1 | 2 | 3 | 4;
  stageStartedAt: string;
  stageDueAt: string;
  participants: string[];
  acknowledgedBy: string[];
  outcomeId?: string;
  withdrawalId?: string;
  /** Ids and process facts for the chronology entry (a record's id, a stage), never free text. */
  detail?: Record<string, string | number | boolean>;
}
