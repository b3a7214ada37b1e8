import { Module } from '@nestjs/common';
import { NamedPeople } from '../directory/named-people';
import { PoliciesModule } from '../policies/policies.module';
import { ActionAccess } from './action-access';
import { ActionWorkflowGateway } from './action-workflow.gateway';
import { ActionCommandsService } from './action-commands.service';
import { ActionListsService } from './action-lists.service';
import { ActionsService } from './actions.service';
import { ProcessStarter } from '../temporal/process-starter';

/**
 * Chasing, its own capability: every chased item (a row of `actions`, whatever process opened
 * it), the commands on it, who may see it and the lists of it. Meetings, the directory and
 * action links use it; it uses none of them.
 *
 * Its routes are mounted by ActionsHttpModule, not here, so that importing this module (as the
 * directory does, early in the application's module graph) does not move them: Nest registers
 * routes, and the OpenAPI document lists them, in the order it first meets each module.
 */
@Module({
  imports: [PoliciesModule],
  providers: [
    ProcessStarter,
    ActionsService,
    NamedPeople,
    ActionAccess,
    ActionWorkflowGateway,
    ActionCommandsService,
    ActionListsService,
  ],
  exports: [
    ActionsService,
    ActionAccess,
    ActionWorkflowGateway,
    ActionCommandsService,
    ActionListsService,
  ],
})
export class ActionsModule {}
