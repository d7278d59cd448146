import type { GeographyResponse, ZctaResolutionResponse } from '@lbi/contracts';
import { Geography, ZctaResolution } from './geography.entity';

function toResolution(entry: ZctaResolution): ZctaResolutionResponse {
  return {
    zip: entry.zip,
    zcta: entry.zcta,
    join_type: entry.join_type,
    po_name: entry.po_name ?? null,
    state: entry.state ?? null,
    zip_type: entry.zip_type ?? null,
    note: entry.note ?? '',
  };
}

/** The only way a Geography leaves the API. */
export function toGeographyResponse(geography: Geography): GeographyResponse {
  return {
    id: geography.id,
    client_id: geography.clientId,
    name: geography.name,
    zip_codes: [...geography.zipCodes],
    zcta_resolution: (geography.zctaResolution ?? []).map(toResolution),
    created_at: geography.createdAt.toISOString(),
    updated_at: geography.updatedAt.toISOString(),
  };
}
