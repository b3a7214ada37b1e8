import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { PoliciesModule } from '../policies/policies.module';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { MeController } from './me.controller';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

@Module({
  imports: [PoliciesModule, ActionsModule],
  controllers: [PartnershipsController, AgenciesController, PeopleController, MeController],
  providers: [PartnershipsService, AgenciesService, PeopleService],
  exports: [PeopleService],
})
export class DirectoryModule {}
