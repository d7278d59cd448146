import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '@lbi/server';
import { TenantsModule } from '../tenants/tenants.module';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PlatformAdminBootstrap } from './platform-admin-bootstrap';
import { tokenLifetimeSeconds } from './token-lifetime';

/** Sign-in (argon2id + JWT), the bearer-token strategy and the platform admin bootstrap. API only. */
@Module({
  imports: [
    TenantsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: tokenLifetimeSeconds(config.jwtExpiresIn) },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, JwtStrategy, PlatformAdminBootstrap],
  exports: [AuthService, TenantsModule],
})
export class AuthModule {}
