import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ActionCompletionService } from './action-completion.service';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

@Module({
  imports: [PoliciesModule],
  controllers: [ActionsController],
  providers: [ActionsService, ActionCompletionService],
  exports: [ActionCompletionService],
})
export class MeetingsModule {}
