import type { ChannelResponse } from '@lbi/contracts';
import { Channel } from './channel.entity';

/** The only way a Channel leaves the API. */
export function toChannelResponse(channel: Channel): ChannelResponse {
  return {
    id: channel.id,
    client_id: channel.clientId,
    geography_id: channel.geographyId,
    channel_type: channel.channelType,
    name: channel.name,
    city: channel.city,
    state: channel.state,
    zip_code: channel.zipCode,
    estimated_reach: channel.estimatedReach,
    website: channel.website,
    notes: channel.notes,
    source_url: channel.sourceUrl,
    created_at: channel.createdAt.toISOString(),
    updated_at: channel.updatedAt.toISOString(),
  };
}
