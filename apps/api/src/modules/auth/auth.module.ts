import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { generateSecret } from '../../core/config/load-config.js';
import { ApiTokensModule } from '../api-tokens/api-tokens.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { SettingsService } from '../settings/settings.service.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { BearerStrategy } from './bearer.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    ApiTokensModule,
    JwtModule.registerAsync({
      imports: [SettingsModule],
      inject: [APP_CONFIG, SettingsService],
      // Without JWT_SECRET, one secret is generated on first start and shared by all instances through the database.
      useFactory: async (config: AppConfig, settings: SettingsService) => ({
        secret: config.jwtSecret || (await settings.getOrCreate('jwt_secret', generateSecret)),
        signOptions: { expiresIn: config.jwtTtlSeconds, issuer: 'okienko' },
        verifyOptions: { issuer: 'okienko', algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, BearerStrategy, LoginThrottleService],
})
export class AuthModule {}
