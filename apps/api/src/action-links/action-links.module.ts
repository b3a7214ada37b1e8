import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { ActionLinksController } from './action-links.controller';
import { ActionLinksService } from './action-links.service';

@Module({
  imports: [MeetingsModule],
  controllers: [ActionLinksController],
  providers: [ActionLinksService],
})
export class ActionLinksModule {}
