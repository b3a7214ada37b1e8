import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access-rules';
import { Unthrottled } from '../common/rate-limits';
import { HealthService, Readiness } from './health.service';

@ApiTags('health')
// Orchestrators probe often; throttling a probe would take a healthy instance out of service.
@Unthrottled()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @Public()
  @ApiOkResponse({ description: 'The API process is alive.' })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ description: 'Database and Temporal reachable, and a worker is polling.' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is down; see checks.' })
  async readiness(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ready') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return readiness;
  }
}
