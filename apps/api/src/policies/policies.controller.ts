import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rules';
import { PartnershipMemberGuard } from '../auth/partnership-member.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ProblemException } from '../common/problem';
import { UuidParam, ValidatedParam } from '../common/uuid-param';
import { PolicyValidationView, PolicyVersionView } from './dto/policy-version.view';
import { PoliciesService } from './policies.service';

const POLICY_BODY = {
  schema: {
    type: 'object',
    additionalProperties: true,
    description: 'A whole policy document, in the shape GET …/policy returns under `document`.',
  },
} as const;

/** Versions count from 1 and are stored as a Postgres integer. */
const VERSIONS = { minimum: 1, maximum: 2_147_483_647 } as const;

/** A version number in the path; one out of range would otherwise fail in the database. */
const VersionParam = () =>
  ValidatedParam(
    { name: 'version', type: 'integer', ...VERSIONS },
    {
      transform(value: string): number {
        const version = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
        if (version >= VERSIONS.minimum && version <= VERSIONS.maximum) return version;
        throw ProblemException.invalid([
          {
            field: 'version',
            message: `version must be a whole number from ${VERSIONS.minimum} to ${VERSIONS.maximum}`,
          },
        ]);
      },
    },
  );

@ApiTags('policies')
@UseGuards(PartnershipMemberGuard)
@Controller('partnerships/:partnershipId/policy')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'The policy version new items of this partnership start under.' })
  @ApiOkResponse({ type: PolicyVersionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async current(@UuidParam('partnershipId') partnershipId: string): Promise<PolicyVersionView> {
    return PolicyVersionView.of(await this.policies.current(partnershipId));
  }

  @Get('versions/:version')
  @ApiOkResponse({ type: PolicyVersionView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async version(
    @UuidParam('partnershipId') partnershipId: string,
    @VersionParam() version: number,
  ): Promise<PolicyVersionView> {
    return PolicyVersionView.of(await this.policies.version(partnershipId, version));
  }

  @Post('validate')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dry run: check a draft policy without publishing it.' })
  @ApiBody(POLICY_BODY)
  @ApiOkResponse({ type: PolicyValidationView })
  @ApiProblemResponses(HttpStatus.NOT_FOUND, HttpStatus.UNPROCESSABLE_ENTITY)
  async validate(
    @UuidParam('partnershipId') partnershipId: string,
    @Body() draft: Record<string, unknown>,
  ): Promise<PolicyValidationView> {
    await this.policies.validateDraft(partnershipId, draft);
    return { valid: true };
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Publish a new version; items already running keep theirs.' })
  @ApiBody(POLICY_BODY)
  @ApiCreatedResponse({ type: PolicyVersionView })
  @ApiProblemResponses(HttpStatus.NOT_FOUND, HttpStatus.UNPROCESSABLE_ENTITY)
  async publish(
    @UuidParam('partnershipId') partnershipId: string,
    @Body() draft: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyVersionView> {
    return PolicyVersionView.of(await this.policies.publish(partnershipId, draft, principal));
  }
}
