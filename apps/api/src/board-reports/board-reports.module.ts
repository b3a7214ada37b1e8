import { Module } from '@nestjs/common';
import { BoardReportsController } from './board-reports.controller';
import { BoardReportsService } from './board-reports.service';

@Module({
  controllers: [BoardReportsController],
  providers: [BoardReportsService],
})
export class BoardReportsModule {}
