import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BOARD_ROLES, PartnershipWide, Roles } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { DISAGREEMENT_ROLES } from './disagreement-access';
import { DisagreementListsService } from './disagreement-lists.service';
import { DisagreementSummaryView } from './dto/disagreement.view';
import { ListDisagreementsQuery } from './dto/list-disagreements.query';

@ApiTags('disagreements')
@Controller()
export class DisagreementListsController {
  constructor(private readonly lists: DisagreementListsService) {}

  @Get('me/disagreements')
  @Roles(...DISAGREEMENT_ROLES)
  @ApiOperation({
    summary:
      'Disagreements I raised, am the other party of, or take part in at the current stage; open ones first.',
  })
  @ApiOkResponse({ type: [DisagreementSummaryView] })
  mine(@CurrentPrincipal() principal: Principal): Promise<DisagreementSummaryView[]> {
    return this.lists.mine(principal);
  }

  @Get('partnerships/:partnershipId/disagreements')
  @UseGuards(PartnershipMemberGuard)
  @PartnershipWide(...BOARD_ROLES)
  @ApiOperation({
    summary:
      "A partnership's escalation log, open ones first: references, stages, due dates, agencies and themes (no personal data, nothing anyone wrote).",
  })
  @ApiOkResponse({ type: [DisagreementSummaryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  partnership(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: ListDisagreementsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementSummaryView[]> {
    return this.lists.partnership(partnershipId, query, principal);
  }
}
