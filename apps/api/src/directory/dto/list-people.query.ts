import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional } from 'class-validator';

export class ListPeopleQuery {
  @ApiPropertyOptional({ description: 'Only the person with this work email.' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
