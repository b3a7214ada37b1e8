import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedView } from './dto/calendar-feed.view';
import { publicBaseUrl } from './public-base-url';
import { CredentialRoute } from '../common/rate-limits';

/**
 * Any authenticated person manages their own feed (there is no path to anyone else's). Not
 * @Idempotent: a stored replay would keep the token itself in the database.
 */
@ApiTags('calendar')
@CredentialRoute()
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('me/calendar-feed')
  @ApiOperation({
    summary:
      'Create your calendar feed of deadlines, or replace it: the previous URL stops working at once.',
  })
  @ApiCreatedResponse({ type: CalendarFeedView })
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<CalendarFeedView> {
    return this.feeds.rotate(principal, publicBaseUrl(this.config, request));
  }

  @Delete('me/calendar-feed')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke your calendar feed: its URL stops working at once.' })
  @ApiNoContentResponse({ description: 'Revoked, or there was none.' })
  revoke(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.feeds.revoke(principal);
  }

  // Calendar clients cannot send a bearer token: the token in the URL is the credential.
  @Get('calendar/:token.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({
    summary:
      'A person’s open actions as iCalendar (RFC 5545): references and links only. No bearer token.',
  })
  @ApiOkResponse({
    description: 'One event per open action the person owns, ending at its due time.',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(HttpStatus.NOT_FOUND)
  calendar(@Param('token') token: string, @Req() request: Request): Promise<string> {
    return this.feeds.calendar(token, String(request.id), publicBaseUrl(this.config, request));
  }
}
