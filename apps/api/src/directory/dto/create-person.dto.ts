import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ROLES, type Role } from '@safeguard/domain';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsPlainName } from '../../common/validation';

export class CreatePersonDto {
  @ApiProperty({ example: 'Sam Patel', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainName()
  displayName: string;

  @ApiProperty({
    example: 'sam.patel@county.gov.uk',
    description: 'Work email for reminders.',
    format: 'email',
    maxLength: 320,
  })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1, uniqueItems: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Escalations go here first.',
  })
  @IsOptional()
  @IsUUID()
  lineManagerId?: string | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {}
