import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** "directory", or a partnership's id (in either case, like any UUID). */
const CHAIN =
  /^(directory|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export class VerifyAuditQuery {
  @ApiPropertyOptional({
    description: 'Check only this chain: a partnership id, or "directory".',
    example: 'directory',
    pattern: CHAIN.source,
  })
  @IsOptional()
  @Matches(CHAIN, {
    message: 'chain must be "directory" or a partnership id',
  })
  chain?: string;
}
