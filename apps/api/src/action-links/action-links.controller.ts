import {
  applyDecorators,
  Controller,
  Get,
  Header,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ACTION_LINK_ROUTE } from '@safeguard/platform';
import type { Request, Response } from 'express';
import { Public } from '../auth/access-rules';
import { ActionLinksService } from './action-links.service';
import type { LinkPage } from './link-pages';
import { CredentialRoute } from '../common/rate-limits';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * Served to people, not programs: every outcome is a small HTML page. Never cached, and the
 * token-bearing URL is never sent on as a referrer.
 */
function LinkPageRoute(summary: string, responses: Partial<Record<HttpStatus, string>>) {
  return applyDecorators(
    Public(),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
    Header('Referrer-Policy', 'no-referrer'),
    ApiOperation({ summary }),
    ApiParam({ name: 'token', description: 'The signed token from the email link.' }),
    ...Object.entries(responses).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: HTML }),
    ),
  );
}

const REFUSALS = {
  [HttpStatus.NOT_FOUND]: 'The link is not valid (malformed, or not signed by this service).',
  [HttpStatus.GONE]:
    'The link has expired or been used, or the action is no longer the recipient’s.',
};

/** Action links from reminder emails: no bearer token, the signed token in the URL is the credential. */
@ApiTags('action-links')
@CredentialRoute()
@Controller(ACTION_LINK_ROUTE)
export class ActionLinksController {
  constructor(private readonly links: ActionLinksService) {}

  @Get(':token')
  @LinkPageRoute('Asks the link’s recipient to confirm its action. Changes nothing.', {
    [HttpStatus.OK]: 'A confirmation page with a form that posts back to the same URL.',
    [HttpStatus.CONFLICT]: 'The action is closed (completed or cancelled).',
    ...REFUSALS,
  })
  async confirm(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendPage(response, await this.links.preview(token));
  }

  @Post(':token')
  @LinkPageRoute('Uses the link once: performs its action for its recipient, and records it.', {
    [HttpStatus.OK]: 'Done.',
    [HttpStatus.CONFLICT]:
      'The action is closed, or the workflow refused the command (the page says why); the link is spent.',
    ...REFUSALS,
    [HttpStatus.SERVICE_UNAVAILABLE]: 'Not done; the link can be used again.',
  })
  async use(
    @Param('token') token: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendPage(response, await this.links.use(token, String(request.id)));
  }
}

function sendPage(response: Response, page: LinkPage): string {
  response.status(page.status);
  return page.html;
}
