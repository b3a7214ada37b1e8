import { ApiProperty } from '@nestjs/swagger';
import { SECTIONS, type Section } from '../../auth/access-rules';
import { PersonView } from './person.view';

/** The signed-in person's own record, with the parts of the service they have a use for. */
export class MeView extends PersonView {
  @ApiProperty({
    enum: SECTIONS,
    isArray: true,
    description:
      'casework: items, disagreements, delegated enquiries; board-reports: the escalation log, timeliness and the statutory return; administration: directory and policy. For laying out a client; every route checks for itself.',
  })
  sections: Section[];
}
