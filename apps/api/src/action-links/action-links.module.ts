import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ActionLinksController } from './action-links.controller';
import { ActionLinksService } from './action-links.service';

@Module({
  imports: [ActionsModule],
  controllers: [ActionLinksController],
  providers: [ActionLinksService],
})
export class ActionLinksModule {}
