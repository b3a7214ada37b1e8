import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
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
  @ApiConflictResponse({ description: 'The email is already in use.' })
  async create(@Body() dto: CreatePersonDto): Promise<PersonView> {
    return PersonView.of(await this.people.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [PersonView] })
  async list(@Query() query: ListPeopleQuery): Promise<PersonView[]> {
    return (await this.people.list(query)).map(PersonView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonView })
  @ApiNotFoundResponse()
  async get(@UuidParam('id') id: string): Promise<PersonView> {
    return PersonView.of(await this.people.get(id));
  }
}
