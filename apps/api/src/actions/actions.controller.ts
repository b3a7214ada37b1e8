import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ChronologyEntryView } from '../audit/dto/chronology-entry.view';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { ActionCommandsService } from './action-commands.service';
import { ActionListsService } from './action-lists.service';
import { ActionsService } from './actions.service';
import {
  CancelActionDto,
  CompleteActionDto,
  DecideExtensionDto,
  ReassignActionDto,
  RequestExtensionDto,
} from './dto/action-commands.dto';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';

@ApiTags('meetings')
@Roles(...CASE_ROLES)
@Controller('actions')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly commands: ActionCommandsService,
    private readonly lists: ActionListsService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Record an action agreed outside a meeting, and start chasing it.' })
  @ApiCreatedResponse({
    type: ActionView,
    description: 'Recorded, and its chaser workflow started.',
  })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  create(
    @Body() dto: CreateActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.actions.create(dto, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ActionView> {
    return this.actions.get(id, principal);
  }

  @Get(':id/chronology')
  @ApiOperation({ summary: 'What happened to the action, in order (reads are not listed).' })
  @ApiOkResponse({ type: [ChronologyEntryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async chronology(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChronologyEntryView[]> {
    return (await this.lists.chronology(id, principal)).map(ChronologyEntryView.of);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The owner has seen it: reminders before the due day stop.' })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  acknowledge(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.acknowledge(id, principal);
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the action done, with an optional note (owner, chair or lead).',
  })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  complete(
    @UuidParam('id') id: string,
    @Body() dto: CompleteActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.complete(id, dto, principal);
  }

  @Post(':id/extension-request')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The owner asks for a later due date; the chair or a lead decides.' })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  requestExtension(
    @UuidParam('id') id: string,
    @Body() dto: RequestExtensionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.requestExtension(id, dto, principal);
  }

  @Post(':id/extension-decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve (with the agreed date; reminders and chases move) or refuse more time.',
  })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  decideExtension(
    @UuidParam('id') id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.decideExtension(id, dto, principal);
  }

  @Post(':id/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Give the action to someone else: they are told, the due date is kept.',
  })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  reassign(
    @UuidParam('id') id: string,
    @Body() dto: ReassignActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.reassign(id, dto, principal);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stop chasing an action no longer needed, with the reason.' })
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  cancel(
    @UuidParam('id') id: string,
    @Body() dto: CancelActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.commands.cancel(id, dto, principal);
  }
}
