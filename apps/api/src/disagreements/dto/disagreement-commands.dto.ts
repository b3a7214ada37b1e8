import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, TEXT_MAX } from '../../common/validation';
import { AgreedActionDto } from '../../meetings/dto/record-meeting.dto';
import { ACCOUNT_MAX } from './raise-disagreement.dto';

export class ContributeDto {
  @ApiProperty({
    minLength: 1,
    maxLength: ACCOUNT_MAX,
    description: 'Your contribution, in writing.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  text: string;
}

/** An action agreed to resolve it: chased like any other action, on the policy's timetable. */
export class DisagreementActionDto extends PickType(AgreedActionDto, [
  'title',
  'ownerId',
] as const) {
  @ApiProperty({
    example: '2026-12-04T17:30:00Z',
    description:
      'When it is due (in the future). The owner must be an active person of the partnership.',
  })
  @IsInstant()
  dueAt: string;
}

export class ResolveDisagreementDto {
  @ApiProperty({
    minLength: 1,
    maxLength: ACCOUNT_MAX,
    description: 'What was agreed (at stage 4: the board’s decision), in writing.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  outcome: string;

  @ApiPropertyOptional({ type: [DisagreementActionDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DisagreementActionDto)
  agreedActions?: DisagreementActionDto[];
}

/** Why it goes up a stage, or why it is withdrawn. */
export class DisagreementReasonDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}
