import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PersonEntity } from '@safeguard/persistence';
import { QueryFailedError, Repository } from 'typeorm';
import { ProblemException } from '../common/problem';
import { CreatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class PeopleService {
  constructor(@InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>) {}

  async create(dto: CreatePersonDto): Promise<PersonEntity> {
    try {
      return await this.people.save(this.people.create(dto));
    } catch (error) {
      if (error instanceof QueryFailedError && error.driverError?.code === UNIQUE_VIOLATION) {
        throw ProblemException.conflict('email', 'a person with this email already exists');
      }
      throw error;
    }
  }

  list(query: ListPeopleQuery): Promise<PersonEntity[]> {
    return this.people.find({
      where: query.email ? { email: query.email } : {},
      order: { displayName: 'ASC' },
    });
  }

  async get(id: string): Promise<PersonEntity> {
    const person = await this.people.findOneBy({ id });
    if (!person) throw ProblemException.notFound('person');
    return person;
  }
}
