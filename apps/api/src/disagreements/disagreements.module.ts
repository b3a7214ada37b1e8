import { Module } from '@nestjs/common';
import { NamedPeople } from '../directory/named-people';
import { PoliciesModule } from '../policies/policies.module';
import { DisagreementAccess } from './disagreement-access';
import { DisagreementCommandsController } from './disagreement-commands.controller';
import { DisagreementCommandsService } from './disagreement-commands.service';
import { DisagreementListsController } from './disagreement-lists.controller';
import { DisagreementListsService } from './disagreement-lists.service';
import { DisagreementsController } from './disagreements.controller';
import { DisagreementsService } from './disagreements.service';
import { ProcessStarter } from '../temporal/process-starter';

@Module({
  imports: [PoliciesModule],
  controllers: [
    DisagreementsController,
    DisagreementCommandsController,
    DisagreementListsController,
  ],
  providers: [
    ProcessStarter,
    DisagreementsService,
    DisagreementAccess,
    DisagreementCommandsService,
    DisagreementListsService,
    NamedPeople,
  ],
})
export class DisagreementsModule {}
