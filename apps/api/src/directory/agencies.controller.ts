import { Body, Controller, Get, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { AgenciesService } from './agencies.service';
import { AgencyView, CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';

@ApiTags('directory')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: AgencyView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.CONFLICT)
  @Roles('admin')
  create(
    @Body() dto: CreateAgencyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AgencyView> {
    return this.agencies.create(dto, principal);
  }

  @Get()
  @ApiOkResponse({ type: [AgencyView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST)
  list(
    @Query() query: ListAgenciesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AgencyView[]> {
    return this.agencies.list(query, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgencyView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AgencyView> {
    return this.agencies.get(id, principal);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AgencyView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.CONFLICT,
  )
  @Roles('admin')
  update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateAgencyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AgencyView> {
    return this.agencies.update(id, dto, principal);
  }
}
