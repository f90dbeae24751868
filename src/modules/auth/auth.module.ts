import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authConfig } from 'src/config/auth.config';
import { AuditModule } from 'src/modules/audit/audit.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { UsersModule } from 'src/modules/users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_ISSUER, JwtStrategy } from './jwt.strategy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionsService } from './sessions.service';
import { AuthMaintenanceProcessor } from './auth-maintenance.processor';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshTokenEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: ConfigType<typeof authConfig>) => ({
        secret: config.accessSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTtlSeconds, issuer: JWT_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER },
      }),
    }),
    OrganizationsModule,
    UsersModule,
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, TokenService, JwtStrategy, AuthMaintenanceProcessor],
  exports: [AuthService],
})
export class AuthModule {}
