import { HttpStatus } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ACTION_LINK_VERBS, type ActionLinkVerb } from '@safeguard/platform';
import { ProblemException, ProblemType } from '../common/problem';

/**
 * What an action link is for, or what it did: the reference and the verb at most, never anything
 * about the case or the people in it (like the email the link came in). The web service turns
 * it into a page; the API serves no HTML.
 */
export class ActionLinkView {
  @ApiProperty({ example: 'ACT-2026-000042' })
  reference: string;

  @ApiProperty({ enum: ACTION_LINK_VERBS })
  verb: ActionLinkVerb;

  @ApiProperty({
    description: 'false: asks for confirmation (GET); true: it has been done (POST).',
  })
  done: boolean;
}

/** Why a link cannot act, as problem+json: each refusal its own type, for the page to word. */
export const LINK_REFUSALS = {
  invalid: refusal(
    HttpStatus.NOT_FOUND,
    ProblemType.linkInvalid,
    'The link is not valid',
    'malformed, or not signed by this service',
  ),
  expired: refusal(HttpStatus.GONE, ProblemType.linkExpired, 'The link has expired'),
  used: refusal(HttpStatus.GONE, ProblemType.linkUsed, 'The link has already been used'),
  notYours: refusal(
    HttpStatus.GONE,
    ProblemType.linkNotYours,
    'The action is no longer the recipient’s',
    'it has passed to someone else, or the account is no longer active',
  ),
  alreadyComplete: refusal(
    HttpStatus.CONFLICT,
    ProblemType.actionCompleted,
    'The action is already complete',
  ),
  cancelled: refusal(HttpStatus.CONFLICT, ProblemType.actionCancelled, 'The action is cancelled'),
  /**
   * The workflow refused the verb at this stage; `reason` is its own (a fixed sentence of the
   * domain's, such as "the action has already been acknowledged"), never anything from the case.
   */
  refused: (reason: string) => ProblemException.stageConflict(reason),
  unavailable: () =>
    ProblemException.unavailable('the link was not used and can be used again in a few minutes'),
};

function refusal(status: HttpStatus, type: string, title: string, detail?: string) {
  return () => new ProblemException({ type, title, status, ...(detail ? { detail } : {}) });
}
