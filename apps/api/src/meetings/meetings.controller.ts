import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { MeetingDueDatesQuery, MeetingDueDatesView } from './dto/meeting-due-dates';
import { MeetingView } from './dto/meeting.view';
import { RecordCirculationDto } from './dto/record-circulation.dto';
import { RecordMeetingDto } from './dto/record-meeting.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Roles(...CASE_ROLES)
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary:
      'Record a meeting and its plan; start chasing the action log, the minutes, each action and the review.',
  })
  @ApiCreatedResponse({ type: MeetingView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  record(
    @Body() dto: RecordMeetingDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingView> {
    return this.meetings.record(dto, principal);
  }

  @Get('due-dates')
  @ApiOperation({
    summary:
      "The policy's default due dates for a meeting held then: offered to whoever records it, never applied silently to an agreed action.",
  })
  @ApiOkResponse({ type: MeetingDueDatesView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY)
  dueDates(
    @Query() query: MeetingDueDatesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingDueDatesView> {
    return this.meetings.dueDates(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A meeting with its items, their states and each one’s next reminder.' })
  @ApiOkResponse({ type: MeetingView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<MeetingView> {
    return this.meetings.get(id, principal);
  }

  @Post(':id/action-log/circulated')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record who received the action log, and when; closes its item. Someone at every agency that attended.',
  })
  @ApiOkResponse({ type: MeetingView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  actionLogCirculated(
    @UuidParam('id') id: string,
    @Body() dto: RecordCirculationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingView> {
    return this.meetings.recordCirculated(id, 'action-log', dto, principal);
  }

  @Post(':id/minutes/circulated')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record who received the full minutes, and when; closes its item. Someone at every agency that attended.',
  })
  @ApiOkResponse({ type: MeetingView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  minutesCirculated(
    @UuidParam('id') id: string,
    @Body() dto: RecordCirculationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingView> {
    return this.meetings.recordCirculated(id, 'minutes', dto, principal);
  }
}
