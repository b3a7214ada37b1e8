import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { ActionsService } from './actions.service';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';

@ApiTags('meetings')
@Roles(...CASE_ROLES)
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post()
  @Idempotent()
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

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  complete(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionView> {
    return this.actions.complete(id, principal);
  }
}
