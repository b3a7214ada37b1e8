import { Body, Controller, Get, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePartnershipDto, PartnershipView } from './dto/partnership.dto';
import { PartnershipsService } from './partnerships.service';

@ApiTags('directory')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: PartnershipView, description: 'Created, on the default policy.' })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT)
  async create(@Body() dto: CreatePartnershipDto): Promise<PartnershipView> {
    return PartnershipView.of(await this.partnerships.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [PartnershipView] })
  async list(): Promise<PartnershipView[]> {
    return (await this.partnerships.list()).map(PartnershipView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnershipView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async get(@UuidParam('id') id: string): Promise<PartnershipView> {
    return PartnershipView.of(await this.partnerships.get(id));
  }
}
