import { Controller, Get, HttpStatus, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { reportingYear, statutoryReturnCsv } from '@safeguard/domain';
import type { Request, Response } from 'express';
import { BOARD_ROLES, PartnershipWide } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { UuidParam } from '../common/uuid-param';
import { StatutoryReturnQuery } from './dto/statutory-return.query';
import { StatutoryReturnView } from './dto/statutory-return.view';
import { StatutoryReturnService } from './statutory-return.service';

/**
 * Who may see the return: the counts carry no personal data, but a count of one in a small
 * category (modern slavery, in a hospital, this year) can point to a person, so the return is
 * for those who already see every case of the partnership (safeguarding leads, heads of service)
 * and for the board roles whose work is these reports. Admins run the directory and the
 * policies, not the casework; agency roles see their own agency's work, not the partnership's.
 * Only members of the partnership, as for its overdue actions (404 to anyone else).
 */
@ApiTags('statutory-return')
@UseGuards(PartnershipMemberGuard)
@PartnershipWide(...BOARD_ROLES)
@Controller('partnerships/:partnershipId/statutory-return')
export class StatutoryReturnController {
  constructor(private readonly statutoryReturn: StatutoryReturnService) {}

  @Get()
  @ApiOperation({
    summary:
      'A year’s counts in the shape of the Safeguarding Adults Collection tables, as JSON or as one CSV (format=csv or Accept: text/csv).',
  })
  @ApiExtraModels(StatutoryReturnView)
  @ApiOkResponse({
    description:
      'Concerns count in the year received, enquiries start in the year decided and conclude in the year their report was accepted.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatutoryReturnView) } },
      'text/csv': {
        schema: { type: 'string', example: 'table,row,column,count\r\n' },
      },
    },
  })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)
  async report(
    @UuidParam('partnershipId') partnershipId: string,
    @Query() query: StatutoryReturnQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatutoryReturnView | string> {
    const year = reportingYear(query.year);
    const tables = await this.statutoryReturn.tables(partnershipId, year);
    response.vary('Accept');
    const csv = query.format
      ? query.format === 'csv'
      : request.accepts(['application/json', 'text/csv']) === 'text/csv';
    if (!csv) return StatutoryReturnView.of(partnershipId, year, tables);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="sac-${year.name}.csv"`);
    return statutoryReturnCsv(tables);
  }
}
