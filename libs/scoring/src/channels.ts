// The agency's channels ranked for the category: type relevance × reach × coverage of the top ZIPs,
// and the channel types worth adding. Channel types read as people write them ("HOA").

import { channelTypeLabel } from '@lbi/contracts';
import type { ChannelTypeToAdd, RecommendedChannel } from '@lbi/contracts';

import type { CategoryProfile } from './categories';
import { formatInteger } from './format';
import type { ChannelInput } from './types';

export const MAX_RECOMMENDED_CHANNELS = 10;
/** How many channel types to suggest when the agency has no channels. */
export const CHANNEL_TYPES_TO_SUGGEST = 3;

/** `topZips`: every ZIP of the top ZCTAs, PO-box ZIPs included. */
export function channelsFor(
  profile: CategoryProfile,
  channels: readonly ChannelInput[],
  topZips: readonly string[],
  geographyZips: ReadonlySet<string>,
): RecommendedChannel[] {
  const relevanceOf = new Map<string, number>(profile.channels.map((c) => [c.channel_type, c.relevance]));
  const maxReach = Math.max(0, ...channels.map((c) => c.estimated_reach ?? 0));
  const top = new Set(topZips);
  const category = profile.label.toLowerCase();
  const scored = channels
    .map((c) => {
      const typeRel = relevanceOf.get(c.channel_type) ?? 0.1;
      const reachFactor =
        c.estimated_reach !== null && maxReach > 0 ? 0.5 + 0.5 * (c.estimated_reach / maxReach) : 0.5;
      const covers = c.zip_code !== null && top.has(c.zip_code);
      const coverage = covers ? 1 : c.zip_code === null ? 0.8 : geographyZips.has(c.zip_code) ? 0.5 : 0.3;
      const relevance = Math.round(typeRel * reachFactor * coverage * 1000) / 1000;
      const where = covers
        ? `it sits in top ZIP ${c.zip_code}`
        : c.zip_code === null
          ? 'it reaches the whole geography'
          : geographyZips.has(c.zip_code)
            ? `it is in ${c.zip_code}, inside the geography but not a top ZIP`
            : `it is in ${c.zip_code}, outside the geography`;
      const reach =
        c.estimated_reach !== null
          ? `reaches about ${formatInteger(c.estimated_reach)} people`
          : 'reach unknown';
      const fit = typeRel >= 0.7 ? 'a strong' : typeRel >= 0.4 ? 'a fair' : 'a weak';
      const why = `${channelTypeLabel(c.channel_type)} channels are ${fit} fit for ${category} (relevance ${typeRel} of 1); ${reach}; ${where}.`;
      return {
        channel_id: c.id,
        name: c.name,
        channel_type: c.channel_type,
        zip_code: c.zip_code,
        estimated_reach: c.estimated_reach,
        relevance,
        covers_top_zip: covers,
        why,
      };
    })
    .sort((a, b) => b.relevance - a.relevance || a.channel_id.localeCompare(b.channel_id));
  return scored.slice(0, MAX_RECOMMENDED_CHANNELS);
}

export function typesToAdd(profile: CategoryProfile, channels: readonly ChannelInput[]): ChannelTypeToAdd[] {
  const have = new Set(channels.map((c) => c.channel_type));
  return [...profile.channels]
    .sort((a, b) => b.relevance - a.relevance || a.channel_type.localeCompare(b.channel_type))
    .filter((c) => !have.has(c.channel_type))
    .slice(0, CHANNEL_TYPES_TO_SUGGEST)
    .map((c) => ({
      channel_type: c.channel_type,
      why: `${channelTypeLabel(c.channel_type)} reaches ${profile.label.toLowerCase()} buyers (relevance ${c.relevance} of 1): add one in the top ZIPs.`,
    }));
}
