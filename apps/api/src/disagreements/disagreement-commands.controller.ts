import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { DISAGREEMENT_ROLES } from './disagreement-access';
import { DisagreementCommandsService } from './disagreement-commands.service';
import {
  ContributeDto,
  DisagreementReasonDto,
  ResolveDisagreementDto,
} from './dto/disagreement-commands.dto';
import { DisagreementView } from './dto/disagreement.view';

/**
 * Every command answers with the disagreement as it now stands, or 409 with the workflow's
 * reason (a command only the current stage's participants may give is refused that way too).
 */
@ApiTags('disagreements')
@Roles(...DISAGREEMENT_ROLES)
@Controller('disagreements/:id')
export class DisagreementCommandsController {
  constructor(private readonly commands: DisagreementCommandsService) {}

  @Post('acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "A participant of the current stage acknowledges it: reminders to them stop. At stage 4, the business manager's acknowledgement is the independent chair informed, and the board's time to decide begins.",
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  acknowledge(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.acknowledge(id, principal);
  }

  @Post('contributions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Add a written contribution at the current stage (anyone who may see it).',
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  contribute(
    @UuidParam('id') id: string,
    @Body() dto: ContributeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.contribute(id, dto, principal);
  }

  @Post('resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Resolve it (a participant of the current stage): the outcome in writing and any actions agreed, each chased like any other action; both sides are told. At stage 4 this is the board's decision, the last word, taken once the independent chair has been informed.",
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  resolve(
    @UuidParam('id') id: string,
    @Body() dto: ResolveDisagreementDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.resolve(id, dto, principal);
  }

  @Post('escalate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Escalate it to the next stage with a reason (a participant of the current stage): its people are asked to take part, and both sides are told.',
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  escalate(
    @UuidParam('id') id: string,
    @Body() dto: DisagreementReasonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.escalate(id, dto, principal);
  }

  @Post('immediate-risk')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Say, with the reason, that it is an immediate risk after all: it goes to the designated leads at once (stage 3), to be settled the same day, and both sides are told.',
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  markImmediateRisk(
    @UuidParam('id') id: string,
    @Body() dto: DisagreementReasonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.markImmediateRisk(id, dto, principal);
  }

  @Post('withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Withdraw it with a reason, at any stage (the raiser, or a safeguarding lead): those taking part and both sides are told.',
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  withdraw(
    @UuidParam('id') id: string,
    @Body() dto: DisagreementReasonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.commands.withdraw(id, dto, principal);
  }
}
