import {
  applyDecorators,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ACTION_LINK_ROUTE } from '@safeguard/platform';
import type { Request } from 'express';
import { Public } from '../auth/access-rules';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { CredentialRoute } from '../common/rate-limits';
import { ActionLinksService } from './action-links.service';
import { ActionLinkView } from './link-answers';

/**
 * No bearer token: the signed token in the URL is the credential. Never cached, and the
 * token-bearing URL is never sent on as a referrer.
 */
function LinkRoute(summary: string) {
  return applyDecorators(
    Public(),
    Header('Cache-Control', 'no-store'),
    Header('Referrer-Policy', 'no-referrer'),
    ApiOperation({ summary }),
    ApiParam({ name: 'token', description: 'The signed token from the email link.' }),
    ApiOkResponse({ type: ActionLinkView }),
    ApiProblemResponses(HttpStatus.NOT_FOUND, HttpStatus.GONE, HttpStatus.CONFLICT),
  );
}

/**
 * Action links from reminder emails, for the web service's link pages (apps/web, routes/links.ts)
 * to ask and answer: 404 not a link of ours; 410 expired, spent, or no longer the recipient's;
 * 409 the action is closed, or the workflow refuses the verb now (the detail says why).
 */
@ApiTags('action-links')
@CredentialRoute()
@Controller(ACTION_LINK_ROUTE)
export class ActionLinksController {
  constructor(private readonly links: ActionLinksService) {}

  @Get(':token')
  @LinkRoute('What the link would do for its recipient, or why it cannot. Changes nothing.')
  confirm(@Param('token') token: string): Promise<ActionLinkView> {
    return this.links.preview(token);
  }

  @Post(':token')
  @HttpCode(HttpStatus.OK)
  @LinkRoute(
    'Uses the link once: performs its action for its recipient, and records it. A refusal spends it too; 503 does not.',
  )
  @ApiProblemResponses(HttpStatus.SERVICE_UNAVAILABLE)
  use(@Param('token') token: string, @Req() request: Request): Promise<ActionLinkView> {
    return this.links.use(token, String(request.id));
  }
}
