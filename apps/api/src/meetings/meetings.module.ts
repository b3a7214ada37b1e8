import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

@Module({
  imports: [PoliciesModule],
  controllers: [ActionsController],
  providers: [ActionsService],
})
export class MeetingsModule {}
