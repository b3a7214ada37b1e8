import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class VerifyAuditQuery {
  @ApiPropertyOptional({
    description: 'Check only this chain: a partnership id, or "directory".',
    example: 'directory',
  })
  @IsOptional()
  @Matches(/^(directory|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'chain must be "directory" or a partnership id',
  })
  chain?: string;
}
