import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { sectionsOf } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { MeView } from './dto/me.view';
import { PersonView } from './dto/person.view';
import { PeopleService } from './people.service';

@ApiTags('directory')
@Controller('me')
export class MeController {
  constructor(private readonly people: PeopleService) {}

  /** Every role: the signed-in person's own record (the web service's "who am I"). */
  @Get()
  @ApiOperation({ summary: 'Who I am: my own record in the directory, with my agency and roles.' })
  @ApiOkResponse({ type: MeView })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return {
      ...PersonView.of(await this.people.get(principal.personId, principal)),
      sections: sectionsOf(principal),
    };
  }
}
