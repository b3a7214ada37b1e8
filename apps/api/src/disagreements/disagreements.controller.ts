import { Body, Controller, Get, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_ROLES, Roles } from '../auth/access-rules';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/uuid-param';
import { DISAGREEMENT_ROLES } from './disagreement-access';
import { DisagreementsService } from './disagreements.service';
import { DisagreementView } from './dto/disagreement.view';
import { RaiseDisagreementDto } from './dto/raise-disagreement.dto';

@ApiTags('disagreements')
@Controller('disagreements')
export class DisagreementsController {
  constructor(private readonly disagreements: DisagreementsService) {}

  @Post()
  @Roles(...CASE_ROLES)
  @Idempotent()
  @ApiOperation({
    summary:
      'Raise a professional disagreement with another agency, in writing: its first stage begins (stage 3, the designated leads, the same working day for immediate risk of harm).',
  })
  @ApiCreatedResponse({ type: DisagreementView })
  @ApiProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  raise(
    @Body() dto: RaiseDisagreementDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.disagreements.raise(dto, principal);
  }

  @Get(':id')
  @Roles(...DISAGREEMENT_ROLES)
  @ApiOperation({
    summary:
      'A disagreement: its stage, who takes part and who has acknowledged, everything in writing, the actions agreed and its timeline (the read is recorded).',
  })
  @ApiOkResponse({ type: DisagreementView })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisagreementView> {
    return this.disagreements.get(id, principal);
  }
}
