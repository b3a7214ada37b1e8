import { ApiProperty } from '@nestjs/swagger';
import type { PersonEntity } from '@safeguard/persistence';

export class PersonView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  email: string;

  static of(person: PersonEntity): PersonView {
    return { id: person.id, displayName: person.displayName, email: person.email };
  }
}
