import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ActionAccess } from './action-access';
import { ActionCommandsService } from './action-commands.service';
import { ActionLifecycleService } from './action-lifecycle.service';
import { ActionListsController } from './action-lists.controller';
import { ActionListsService } from './action-lists.service';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { NamedPeople } from '../common/named-people';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [PoliciesModule],
  controllers: [MeetingsController, ActionsController, ActionListsController],
  providers: [
    ActionsService,
    NamedPeople,
    ActionAccess,
    ActionCommandsService,
    ActionLifecycleService,
    ActionListsService,
    MeetingsService,
  ],
  exports: [ActionCommandsService],
})
export class MeetingsModule {}
