import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { NamedPeople } from '../directory/named-people';
import { PoliciesModule } from '../policies/policies.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ProcessStarter } from '../temporal/process-starter';

@Module({
  imports: [PoliciesModule, ActionsModule],
  controllers: [MeetingsController],
  providers: [ProcessStarter, NamedPeople, MeetingsService],
})
export class MeetingsModule {}
