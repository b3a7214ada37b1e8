import { Body, Controller, Get, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
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
  @Roles('admin')
  async create(
    @Body() dto: CreatePartnershipDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartnershipView> {
    return PartnershipView.of(await this.partnerships.create(dto, principal));
  }

  @Get()
  @ApiOkResponse({ type: [PartnershipView] })
  async list(@CurrentPrincipal() principal: Principal): Promise<PartnershipView[]> {
    return (await this.partnerships.list(principal)).map(PartnershipView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnershipView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async get(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartnershipView> {
    return PartnershipView.of(await this.partnerships.get(id, principal));
  }
}
