import { Body, Controller, Get, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { EnquiryView } from './dto/enquiry.view';
import { RaiseEnquiryDto } from './dto/raise-enquiry.dto';
import { EnquiriesService } from './enquiries.service';

@ApiTags('enquiries')
@Roles(...CASE_ROLES)
@Controller('enquiries')
export class EnquiriesController {
  constructor(private readonly enquiries: EnquiriesService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary:
      'Raise a safeguarding concern: the Section 42 workflow starts, and its acknowledgement is due.',
  })
  @ApiCreatedResponse({ type: EnquiryView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  raise(
    @Body() dto: RaiseEnquiryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.enquiries.raise(dto, principal);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'An enquiry: where it stands, its records, its open deadlines and its timeline (the read is recorded).',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<EnquiryView> {
    return this.enquiries.get(id, principal);
  }
}
