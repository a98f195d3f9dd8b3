import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, ConfigError } from '../config/app-config.js';
import { RateLimiters, RateLimitGuard } from './rate-limit.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { CredentialThrottles } from './credential-throttle.js';

/**
 * Officer sign-in (JWT, argon2 passwords) and the global guard. Also the rate limits that endpoints
 * open to callers without an account opt into with @RateLimited().
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.authSecret) throw new ConfigError({ AUTH_SECRET: 'required when NODE_ENV=production (every API replica must share it)' });
        return { secret: config.authSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AccountsRepository, CredentialThrottles, RateLimiters, RateLimitGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, CredentialThrottles, RateLimiters, RateLimitGuard],
})
export class AuthModule {}
