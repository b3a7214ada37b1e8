import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, PartnershipWide, Roles } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { DelegatedEnquiryView, EnquirySummaryView } from './dto/enquiry.view';
import { ListEnquiriesQuery } from './dto/list-enquiries.query';
import { EnquiryListsService } from './enquiry-lists.service';

@ApiTags('enquiries')
@Controller()
export class EnquiryListsController {
  constructor(private readonly lists: EnquiryListsService) {}

  @Get('partnerships/:partnershipId/enquiries')
  @UseGuards(PartnershipMemberGuard)
  @PartnershipWide()
  @ApiOperation({
    summary:
      "A partnership's enquiries, next deadline first (references, stages and dates; no personal data).",
  })
  @ApiOkResponse({ type: [EnquirySummaryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  partnership(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: ListEnquiriesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquirySummaryView[]> {
    return this.lists.partnership(partnershipId, query, principal);
  }

  @Get('agencies/:agencyId/delegated-enquiries')
  @Roles(...CASE_ROLES)
  @ApiOperation({
    summary:
      'Enquiries delegated to an agency and still in its hands, report due first (no personal data).',
  })
  @ApiOkResponse({ type: [DelegatedEnquiryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  delegatedTo(
    @UuidParam('agencyId') agencyId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DelegatedEnquiryView[]> {
    return this.lists.delegatedTo(agencyId, principal);
  }
}
