import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config';
import { DevTokensController } from './dev-tokens.controller';
import { PrincipalService } from './principal.service';
import { createTokenVerifier, DevIssuer, TOKEN_VERIFIER } from './token-verifier';

/** Authentication: the token verifier and, in development only, the built-in issuer. */
@Module({})
export class AuthModule {
  static forConfig(config: ApiConfig): DynamicModule {
    const devIssuerOn = config.auth.devIssuer;
    const providers: Provider[] = [
      PrincipalService,
      {
        provide: TOKEN_VERIFIER,
        inject: devIssuerOn ? [DevIssuer] : [],
        useFactory: (devIssuer?: DevIssuer) => createTokenVerifier(config.auth, devIssuer),
      },
    ];
    if (devIssuerOn) {
      providers.push({
        provide: DevIssuer,
        useFactory: () => DevIssuer.create(config.auth.audience),
      });
    }
    return {
      module: AuthModule,
      controllers: devIssuerOn ? [DevTokensController] : [],
      providers,
      exports: [PrincipalService, TOKEN_VERIFIER],
    };
  }
}
