import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ActionsService } from './actions.service';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';

@ApiTags('meetings')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post()
  @ApiCreatedResponse({
    type: ActionView,
    description: 'Recorded, and its chaser workflow started.',
  })
  @ApiUnprocessableEntityResponse({ description: 'The owner does not exist.' })
  create(@Body() dto: CreateActionDto): Promise<ActionView> {
    return this.actions.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: ActionView })
  @ApiNotFoundResponse()
  get(@UuidParam('id') id: string): Promise<ActionView> {
    return this.actions.get(id);
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ActionView })
  @ApiConflictResponse({ description: 'The action is already closed.' })
  complete(@UuidParam('id') id: string): Promise<ActionView> {
    return this.actions.complete(id);
  }
}
