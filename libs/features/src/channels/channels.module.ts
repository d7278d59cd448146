import { Module } from '@nestjs/common';
import { ChannelsService } from './channels.service';

/** Institutional channels. TenantDb comes from DatabaseModule. */
@Module({
  providers: [ChannelsService],
  exports: [ChannelsService],
})
export class ChannelsModule {}
