import { Body, Controller, Get, HttpStatus, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { NotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

/** Each person's own reminder preferences; nobody sets anyone else's. */
@ApiTags('notifications')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return { delivery: await this.preferences.get(principal) };
  }

  @Put()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblemResponses(HttpStatus.BAD_REQUEST)
  async set(
    @Body() dto: NotificationPreferencesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPreferencesDto> {
    return { delivery: await this.preferences.set(principal, dto.delivery) };
  }
}
