import { ApiProperty } from '@nestjs/swagger';
import { NATIONS, type Nation } from '@safeguard/domain';
import type { PartnershipEntity } from '@safeguard/persistence';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPlainName } from '../../common/validation';

export class CreatePartnershipDto {
  @ApiProperty({ example: 'Northshire Safeguarding Adults Board', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainName()
  name: string;

  @ApiProperty({ enum: NATIONS, description: 'Decides which bank holidays the clocks skip.' })
  @IsIn(NATIONS)
  nation: Nation;
}

export class PartnershipView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: NATIONS })
  nation: Nation;

  @ApiProperty({ example: 'Europe/London' })
  timeZone: string;

  static of(partnership: PartnershipEntity): PartnershipView {
    const { id, name, nation, timeZone } = partnership;
    return { id, name, nation, timeZone };
  }
}
