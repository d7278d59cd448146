import type { GeographyResponse, TradeArea, ZctaResolutionResponse } from '@lbi/contracts';
import { distanceMiles, loadGazetteer, type ZctaGazetteer } from '@lbi/census';
import { Geography, ZctaResolution } from './geography.entity';

/**
 * One ZIP's resolution on the wire, with its ZCTA's internal point and land area, and for a ring its
 * distance from the centre.
 */
export function toZctaResolutionResponse(
  entry: ZctaResolution,
  gazetteer: ZctaGazetteer = loadGazetteer(),
  tradeArea: TradeArea | null = null,
): ZctaResolutionResponse {
  // Positions come from the bundled Gazetteer at read time, so every stored geography has them.
  const place = gazetteer.get(entry.zcta);
  const response: ZctaResolutionResponse = {
    zip: entry.zip,
    zcta: entry.zcta,
    join_type: entry.join_type,
    po_name: entry.po_name ?? null,
    state: entry.state ?? null,
    zip_type: entry.zip_type ?? null,
    note: entry.note ?? '',
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    land_sq_mi: place?.land_sq_mi ?? null,
  };
  if (tradeArea?.kind === 'ring') {
    response.distance_miles = place ? Math.round(distanceMiles(tradeArea, place) * 100) / 100 : null;
  }
  return response;
}

/** The only way a Geography leaves the API. */
export function toGeographyResponse(geography: Geography): GeographyResponse {
  const gazetteer = loadGazetteer();
  const tradeArea = geography.tradeArea ?? null;
  return {
    id: geography.id,
    client_id: geography.clientId,
    name: geography.name,
    zip_codes: [...geography.zipCodes],
    zcta_resolution: (geography.zctaResolution ?? []).map((entry) =>
      toZctaResolutionResponse(entry, gazetteer, tradeArea),
    ),
    trade_area: tradeArea,
    created_at: geography.createdAt.toISOString(),
    updated_at: geography.updatedAt.toISOString(),
  };
}
