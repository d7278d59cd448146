import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthUserCache } from './auth-user-cache';
import { Client } from './client.entity';
import { ClientsService } from './clients.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Clients (tenants) and their users. */
@Module({
  imports: [TypeOrmModule.forFeature([Client, User])],
  providers: [ClientsService, UsersService, AuthUserCache],
  exports: [ClientsService, UsersService, AuthUserCache],
})
export class TenantsModule {}
