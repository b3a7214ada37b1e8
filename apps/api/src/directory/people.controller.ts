import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePersonDto, UpdatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';
import { DeactivationView, PersonView } from './dto/person.view';
import { PeopleService } from './people.service';

@ApiTags('directory')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: PersonView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.CONFLICT)
  async create(@Body() dto: CreatePersonDto): Promise<PersonView> {
    return PersonView.of(await this.people.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [PersonView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST)
  async list(@Query() query: ListPeopleQuery): Promise<PersonView[]> {
    return (await this.people.list(query)).map(PersonView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async get(@UuidParam('id') id: string): Promise<PersonView> {
    return PersonView.of(await this.people.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.CONFLICT,
  )
  async update(@UuidParam('id') id: string, @Body() dto: UpdatePersonDto): Promise<PersonView> {
    return PersonView.of(await this.people.update(id, dto));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Deactivate someone who has left; their open actions and reports pass to their line manager.',
  })
  @ApiOkResponse({ type: DeactivationView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  async deactivate(@UuidParam('id') id: string): Promise<DeactivationView> {
    const { person, actionsRerouted, reportsRerouted } = await this.people.deactivate(id);
    return { person: PersonView.of(person), actionsRerouted, reportsRerouted };
  }
}
