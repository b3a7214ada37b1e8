import { Module } from '@nestjs/common';
import { StatutoryReturnController } from './statutory-return.controller';
import { StatutoryReturnService } from './statutory-return.service';

@Module({
  controllers: [StatutoryReturnController],
  providers: [StatutoryReturnService],
})
export class StatutoryReturnModule {}
