import { Body, Controller, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail } from 'class-validator';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { ProblemException } from '../common/problem';
import { Public } from './access-rules';
import { PrincipalService } from './principal.service';
import { DevIssuer } from './token-verifier';
import { CredentialRoute } from '../common/rate-limits';

class DevTokenRequest {
  @ApiProperty({ format: 'email', example: 'alex.morgan@northshire-council.example' })
  @IsEmail()
  email: string;
}

class DevTokenView {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 3600 })
  expiresIn: number;
}

/** Development and demo only (AUTH_DEV_ISSUER=true): a token for anyone in the directory. */
@ApiTags('development')
@CredentialRoute()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(
    private readonly issuer: DevIssuer,
    private readonly principals: PrincipalService,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Act as a person of the directory (development issuer only).' })
  @ApiCreatedResponse({ type: DevTokenView })
  @ApiProblemResponses(HttpStatus.UNPROCESSABLE_ENTITY)
  async issue(@Body() { email }: DevTokenRequest): Promise<DevTokenView> {
    const personId = await this.principals.activePersonIdByEmail(email);
    if (!personId)
      throw ProblemException.unprocessable('email', 'no active person with this email');
    return {
      // The subject is the person's id: the development issuer's stable subject for them.
      accessToken: await this.issuer.sign(personId, email),
      tokenType: 'Bearer',
      expiresIn: this.issuer.lifetimeSeconds,
    };
  }
}
