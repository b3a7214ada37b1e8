import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@safeguard/persistence';
import { LoggerModule } from 'nestjs-pino';
import { ActionsHttpModule } from './actions/actions-http.module';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { ActionLinksModule } from './action-links/action-links.module';
import { BoardReportsModule } from './board-reports/board-reports.module';
import { CalendarFeedModule } from './calendar-feed/calendar-feed.module';
import { loggableUrl } from '@safeguard/platform';
import { RateLimitGuard, rateLimits } from './common/rate-limits';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { DirectoryModule } from './directory/directory.module';
import { DisagreementsModule } from './disagreements/disagreements.module';
import { EnquiriesModule } from './enquiries/enquiries.module';
import { HealthModule } from './health/health.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PoliciesModule } from './policies/policies.module';
import { StatutoryReturnModule } from './statutory-return/statutory-return.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      // Throttling first, so a flood of bad tokens is limited before any is checked.
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      imports: [
        {
          module: ConfigHolderModule,
          providers: [{ provide: API_CONFIG, useValue: config }],
          exports: [API_CONFIG],
          global: true,
        },
        LoggerModule.forRoot({
          pinoHttp: {
            level: process.env.LOG_LEVEL ?? 'info',
            base: { service: 'api' },
            // request.id is already set, by the first middleware of all (common/request-id.ts).
            // Probes hit these every few seconds; logging them would drown everything else.
            autoLogging: { ignore: (req) => ['/health', '/ready'].includes(req.url ?? '') },
            // Requests are logged by method, path and status only: bodies and headers can carry
            // personal data or credentials, and the paths of calendar feeds and action links are
            // credentials (so they are redacted).
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: loggableUrl(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        ThrottlerModule.forRoot(rateLimits(config.http)),
        AuthModule.forConfig(config),
        TemporalModule,
        HealthModule,
        DirectoryModule,
        PoliciesModule,
        MeetingsModule,
        // After meetings: the order routes are registered in is the order of the OpenAPI document.
        ActionsHttpModule,
        EnquiriesModule,
        DisagreementsModule,
        NotificationsModule,
        AuditModule,
        CalendarFeedModule,
        ActionLinksModule,
        StatutoryReturnModule,
        BoardReportsModule,
      ],
    };
  }
}

@Module({})
class ConfigHolderModule {}
