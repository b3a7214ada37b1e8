import { Controller, Get, HttpStatus, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CHRONOLOGY_SUBJECT_TYPES, ChronologySubjectType } from '@safeguard/persistence';
import { PartnershipWide, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { ProblemException } from '../common/problem';
import { UuidParam } from '../common/uuid-param';
import { AuditService } from './audit.service';
import { AuditVerificationView } from './dto/audit-verification.view';
import { ChronologyEntryView } from './dto/chronology-entry.view';
import { VerifyAuditQuery } from './dto/verify-audit.query';

const subjectTypePipe = new ParseEnumPipe(
  Object.fromEntries(CHRONOLOGY_SUBJECT_TYPES.map((type) => [type, type])),
  {
    exceptionFactory: () =>
      ProblemException.invalid([
        {
          field: 'subjectType',
          message: `subjectType must be one of ${CHRONOLOGY_SUBJECT_TYPES.join(', ')}`,
        },
      ]),
  },
);

const SUBJECT_TYPE_PARAM = { name: 'subjectType', enum: CHRONOLOGY_SUBJECT_TYPES } as const;

@ApiTags('audit')
@Roles('safeguarding-lead', 'admin')
@PartnershipWide('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiOperation({
    summary:
      'Recompute every hash chain (or one), compare each with the head its last signed checkpoint recorded, and say whether checkpoints are current. A broken chain or a stale checkpoint is a finding, not an error: the response is still 200.',
  })
  @ApiOkResponse({ type: AuditVerificationView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async verify(
    @Query() query: VerifyAuditQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditVerificationView> {
    return AuditVerificationView.of(await this.audit.verify(principal, query.chain));
  }

  @Get('records/:subjectType/:subjectId')
  @ApiOperation({ summary: 'A record’s chronology, in the order it was written.' })
  @ApiParam(SUBJECT_TYPE_PARAM)
  @ApiOkResponse({ type: [ChronologyEntryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async chronology(
    @Param('subjectType', subjectTypePipe) subjectType: ChronologySubjectType,
    @UuidParam('subjectId') subjectId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChronologyEntryView[]> {
    return (await this.audit.chronology(subjectType, subjectId, principal)).map(
      ChronologyEntryView.of,
    );
  }

  @Get('records/:subjectType/:subjectId/access')
  @ApiOperation({ summary: 'Who read a record, and when.' })
  @ApiParam(SUBJECT_TYPE_PARAM)
  @ApiOkResponse({ type: [ChronologyEntryView] })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async access(
    @Param('subjectType', subjectTypePipe) subjectType: ChronologySubjectType,
    @UuidParam('subjectId') subjectId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChronologyEntryView[]> {
    return (await this.audit.chronology(subjectType, subjectId, principal, 'read')).map(
      ChronologyEntryView.of,
    );
  }
}
