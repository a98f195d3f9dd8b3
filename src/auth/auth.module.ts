import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, ConfigError } from '../config/app-config.js';
import { AnonymousRateLimiter, AnonymousRateLimitGuard } from './anonymous-rate-limit.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';

/**
 * Officer sign-in (JWT, argon2 passwords) and the global guard. Also the anonymous rate limit that
 * endpoints without an account opt into with @UseGuards(AnonymousRateLimitGuard).
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
  providers: [AuthService, AnonymousRateLimiter, AnonymousRateLimitGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AnonymousRateLimiter, AnonymousRateLimitGuard],
})
export class AuthModule {}
