import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListOverdueActionsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this agency's owners' actions." })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
