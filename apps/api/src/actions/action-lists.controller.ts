import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { ActionListsService } from './action-lists.service';
import { ActionSummaryView, OverseenActionView } from './dto/action.view';
import { ListOverdueActionsQuery } from './dto/list-overdue-actions.query';

@ApiTags('meetings')
@Controller()
export class ActionListsController {
  constructor(private readonly lists: ActionListsService) {}

  @Get('me/actions')
  @Roles(...CASE_ROLES)
  @ApiOperation({ summary: 'My open actions, overdue first.' })
  @ApiOkResponse({ type: [ActionSummaryView] })
  mine(@CurrentPrincipal() principal: Principal): Promise<ActionSummaryView[]> {
    return this.lists.mine(principal);
  }

  @Get('me/overseen-overdue-actions')
  @Roles(...CASE_ROLES)
  @ApiOperation({
    summary:
      "Overdue items of the people I line-manage, and my agency's if I lead it; earliest first, never my own.",
  })
  @ApiOkResponse({ type: [OverseenActionView] })
  overseenOverdue(@CurrentPrincipal() principal: Principal): Promise<OverseenActionView[]> {
    return this.lists.overseenOverdue(principal);
  }

  @Get('partnerships/:partnershipId/overdue-actions')
  @UseGuards(PartnershipMemberGuard)
  @Roles('safeguarding-lead', 'head-of-service', 'designated-safeguarding-lead')
  @ApiOperation({
    summary:
      "Open actions past their due date, earliest first; by agency for leads, a designated lead's own agency.",
  })
  @ApiOkResponse({ type: [ActionSummaryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  overdue(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: ListOverdueActionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActionSummaryView[]> {
    return this.lists.overdue(partnershipId, query.agencyId, principal);
  }
}
