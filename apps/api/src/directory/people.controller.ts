import { Body, Controller, Get, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { CreatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';
import { PersonView } from './dto/person.view';
import { PeopleService } from './people.service';

@ApiTags('directory')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiCreatedResponse({ type: PersonView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT)
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
}
