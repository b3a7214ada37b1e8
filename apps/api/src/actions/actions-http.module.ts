import { Module } from '@nestjs/common';
import { ActionListsController } from './action-lists.controller';
import { ActionsController } from './actions.controller';
import { ActionsModule } from './actions.module';

/** The routes of chasing: `/actions`, `/me/actions` and the overdue lists. */
@Module({
  imports: [ActionsModule],
  controllers: [ActionsController, ActionListsController],
})
export class ActionsHttpModule {}
