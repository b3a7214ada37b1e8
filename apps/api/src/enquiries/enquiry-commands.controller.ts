import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import {
  AcceptDelegationDto,
  AcceptReportDto,
  AcknowledgeConcernDto,
  AgreePlanDto,
  CloseEnquiryDto,
  DeclineDelegationDto,
  DelegateEnquiryDto,
  LeadEnquiryDto,
  LinkStrategyDiscussionDto,
  PauseEnquiryDto,
  RecordDecisionDto,
  RecordOutcomeDto,
  RecordPlanReviewDto,
  ReturnReportDto,
  SubmitReportDto,
} from './dto/enquiry-commands.dto';
import { EnquiryView } from './dto/enquiry.view';
import { EnquiryCommandsService } from './enquiry-commands.service';

/** Every command answers with the enquiry as it now stands, or 409 with the workflow's reason. */
@ApiTags('enquiries')
@Roles(...CASE_ROLES)
@Controller('enquiries/:id')
export class EnquiryCommandsController {
  constructor(private readonly commands: EnquiryCommandsService) {}

  @Post('acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The triage worker acknowledges the concern and names the enquiry manager.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  acknowledge(
    @UuidParam('id') id: string,
    @Body() dto: AcknowledgeConcernDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.acknowledge(id, dto, principal);
  }

  @Post('decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record whether the Section 42 duty is met: on to a strategy discussion, an other enquiry, or closed with the route taken.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  decide(
    @UuidParam('id') id: string,
    @Body() dto: RecordDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.decide(id, dto, principal);
  }

  @Post('strategy-discussion')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Link the strategy discussion, recorded as a meeting: the enquiry stage begins.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  linkStrategyDiscussion(
    @UuidParam('id') id: string,
    @Body() dto: LinkStrategyDiscussionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.linkStrategyDiscussion(id, dto, principal);
  }

  @Post('lead')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The local authority makes the enquiry itself, naming its enquirer.' })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  lead(
    @UuidParam('id') id: string,
    @Body() dto: LeadEnquiryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.lead(id, dto, principal);
  }

  @Post('delegations')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Cause another agency to make the enquiry: it is asked to accept, and the report date is set.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  delegate(
    @UuidParam('id') id: string,
    @Body() dto: DelegateEnquiryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.delegate(id, dto, principal);
  }

  @Post('delegations/:delegationId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The agency accepts the delegated enquiry, naming its enquirer.' })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  acceptDelegation(
    @UuidParam('id') id: string,
    @UuidParam('delegationId') delegationId: string,
    @Body() dto: AcceptDelegationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.acceptDelegation(id, delegationId, dto, principal);
  }

  @Post('delegations/:delegationId/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The agency declines, with its reason: the local authority leads or asks elsewhere.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  declineDelegation(
    @UuidParam('id') id: string,
    @UuidParam('delegationId') delegationId: string,
    @Body() dto: DeclineDelegationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.declineDelegation(id, delegationId, dto, principal);
  }

  @Post('reports')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit the enquiry report for quality assurance.' })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  submitReport(
    @UuidParam('id') id: string,
    @Body() dto: SubmitReportDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.submitReport(id, dto, principal);
  }

  @Post('reports/:reportId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept the report: the enquiry has concluded and its outcome is due.' })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  acceptReport(
    @UuidParam('id') id: string,
    @UuidParam('reportId') reportId: string,
    @Body() dto: AcceptReportDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.acceptReport(id, reportId, dto, principal);
  }

  @Post('reports/:reportId/return')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Return the report with questions and the date the answers are due.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  returnReport(
    @UuidParam('id') id: string,
    @UuidParam('reportId') reportId: string,
    @Body() dto: ReturnReportDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.returnReport(id, reportId, dto, principal);
  }

  @Post('outcome')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record the outcome and the Making Safeguarding Personal answers, all at once or in parts.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  recordOutcome(
    @UuidParam('id') id: string,
    @Body() dto: RecordOutcomeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.recordOutcome(id, dto, principal);
  }

  @Post('plan')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Agree (or replace) the safeguarding plan, its lead and its first review.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS, HttpStatus.UNPROCESSABLE_ENTITY)
  agreePlan(
    @UuidParam('id') id: string,
    @Body() dto: AgreePlanDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.agreePlan(id, dto, principal);
  }

  @Post('plan/reviews')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a review of the plan and when the next is due (never paused).',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  reviewPlan(
    @UuidParam('id') id: string,
    @Body() dto: RecordPlanReviewDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.reviewPlan(id, dto, principal);
  }

  @Post('pause')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Stop the enquiry's clocks with a reason (a police investigation); plan reviews go on.",
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  pause(
    @UuidParam('id') id: string,
    @Body() dto: PauseEnquiryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.pause(id, dto, principal);
  }

  @Post('resume')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Restart the clocks: each gets back the working time it had left.' })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  resume(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.resume(id, principal);
  }

  @Post('close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Close the enquiry; refused while the outcome or the Making Safeguarding Personal answers are missing.',
  })
  @ApiOkResponse({ type: EnquiryView })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  close(
    @UuidParam('id') id: string,
    @Body() dto: CloseEnquiryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryView> {
    return this.commands.close(id, dto, principal);
  }
}
