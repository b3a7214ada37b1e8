import { Controller, Get, HttpStatus, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  ESCALATION_LOG_CSV_HEADER,
  escalationLogCsv,
  escalationLogPeriod,
  TIMELINESS_CSV_HEADER,
  timelinessCsv,
} from '@safeguard/domain';
import type { Request, Response } from 'express';
import { BOARD_ROLES, PartnershipWide } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { BoardReportsService } from './board-reports.service';
import { EscalationLogQuery } from './dto/escalation-log.query';
import { EscalationLogView } from './dto/escalation-log.view';
import { TimelinessView } from './dto/timeliness.view';

/**
 * Who may see the escalation log: as for the statutory return. It names no person and no case,
 * but a disagreement between two small agencies on a given date can point to one, so the log is
 * for those who already see every case of the partnership (safeguarding leads, heads of service)
 * and for the board roles whose work is these reports. Admins run the directory and the policies,
 * not the casework; agency roles see their own agency's work, not the partnership's. Only members
 * of the partnership (404 to anyone else).
 */
@ApiTags('board-reports')
@UseGuards(PartnershipMemberGuard)
@PartnershipWide(...BOARD_ROLES)
@Controller('partnerships/:partnershipId')
export class BoardReportsController {
  constructor(private readonly boardReports: BoardReportsService) {}

  @Get('escalation-log')
  @ApiOperation({
    summary:
      'The escalation log of professional disagreements raised in a period, with its summary, as JSON or as CSV (format=csv or Accept: text/csv). No personal data.',
  })
  @ApiExtraModels(EscalationLogView)
  @ApiOkResponse({
    description:
      'One entry per disagreement raised from `from` to `to` (UK dates, both included); outcomes and stages as they stand now. The CSV is the entries, one line each.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(EscalationLogView) } },
      'text/csv': {
        schema: { type: 'string', example: `${ESCALATION_LOG_CSV_HEADER.join(',')}\r\n` },
      },
    },
  })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  async escalationLog(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: EscalationLogQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EscalationLogView | string> {
    const period = escalationLogPeriod(query.from, query.to);
    const log = await this.boardReports.escalationLog(partnershipId, period);
    if (!wantsCsv(query, request, response))
      return EscalationLogView.of(partnershipId, period, log);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="escalation-log-${period.from}-${period.to}.csv"`,
    );
    return escalationLogCsv(log);
  }

  @Get('timeliness')
  @ApiOperation({
    summary:
      'How timely chased items were: per stage, agency and month they fell due, the share done on time and the median and 90th-percentile working days late, as JSON or CSV. No personal data.',
  })
  @ApiExtraModels(TimelinessView)
  @ApiOkResponse({
    description:
      'Items that fell due from `from` to `to` (UK dates, both included) and by now; cancelled ones are not counted, open ones past due count as late so far.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(TimelinessView) } },
      'text/csv': {
        schema: { type: 'string', example: `${TIMELINESS_CSV_HEADER.join(',')}\r\n` },
      },
    },
  })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  async timeliness(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: EscalationLogQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TimelinessView | string> {
    const period = escalationLogPeriod(query.from, query.to);
    const report = await this.boardReports.timeliness(partnershipId, period);
    if (!wantsCsv(query, request, response)) return TimelinessView.of(partnershipId, report);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="timeliness-${period.from}-${period.to}.csv"`,
    );
    return timelinessCsv(report);
  }
}

/** CSV when asked by `format`, which wins, or by Accept; the answer varies by Accept either way. */
function wantsCsv(query: EscalationLogQuery, request: Request, response: Response): boolean {
  response.vary('Accept');
  return query.format
    ? query.format === 'csv'
    : request.accepts(['application/json', 'text/csv']) === 'text/csv';
}
