import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePersonDto, UpdatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';
import { DeactivationView, PersonView } from './dto/person.view';
import { PeopleService } from './people.service';

/**
 * People's names and emails are personal data: those who work cases and those who keep the
 * directory read them; board roles, which see no one's details, do not.
 */
const PEOPLE_READERS = [...CASE_ROLES, 'admin' as const];

@ApiTags('directory')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: PersonView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.CONFLICT)
  @Roles('admin')
  async create(
    @Body() dto: CreatePersonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonView> {
    return PersonView.of(await this.people.create(dto, principal));
  }

  @Get()
  @ApiOkResponse({ type: [PersonView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST)
  @Roles(...PEOPLE_READERS)
  async list(
    @Query() query: ListPeopleQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonView[]> {
    return (await this.people.list(query, principal)).map(PersonView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  @Roles(...PEOPLE_READERS)
  async get(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonView> {
    return PersonView.of(await this.people.get(id, principal));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.CONFLICT,
  )
  @Roles('admin')
  async update(
    @UuidParam('id') id: string,
    @Body() dto: UpdatePersonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonView> {
    return PersonView.of(await this.people.update(id, dto, principal));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Deactivate someone who has left; their open actions and reports pass to their line manager.',
  })
  @ApiOkResponse({ type: DeactivationView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @Roles('admin')
  async deactivate(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeactivationView> {
    const { person, actionsRerouted, reportsRerouted } = await this.people.deactivate(
      id,
      principal,
    );
    return { person: PersonView.of(person), actionsRerouted, reportsRerouted };
  }
}
