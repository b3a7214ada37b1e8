import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreatePersonDto {
  @ApiProperty({ example: 'Sam Patel', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ example: 'sam.patel@county.gov.uk', description: 'Work email for reminders.' })
  @IsEmail()
  @MaxLength(320)
  email: string;
}
