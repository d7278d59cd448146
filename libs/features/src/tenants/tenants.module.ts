import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from './client.entity';
import { ClientsService } from './clients.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Clients (tenants) and their users. */
@Module({
  imports: [TypeOrmModule.forFeature([Client, User])],
  providers: [ClientsService, UsersService],
  exports: [ClientsService, UsersService],
})
export class TenantsModule {}
