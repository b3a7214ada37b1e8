import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { ActionsService } from './actions.service';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';

@ApiTags('meetings')
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
  create(@Body() dto: CreateActionDto): Promise<ActionView> {
    return this.actions.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@UuidParam('id') id: string): Promise<ActionView> {
    return this.actions.get(id);
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ActionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  complete(@UuidParam('id') id: string): Promise<ActionView> {
    return this.actions.complete(id);
  }
}
