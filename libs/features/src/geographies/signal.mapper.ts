import type { SignalResponse } from '@lbi/contracts';
import { DemandSignal } from './demand-signal.entity';

/** The only way a DemandSignal leaves the API. */
export function toSignalResponse(signal: DemandSignal): SignalResponse {
  return {
    id: signal.id,
    geography_id: signal.geographyId,
    zip_code: signal.zipCode,
    zcta: signal.zcta,
    signal_type: signal.signalType,
    source_type: signal.sourceType,
    metric: signal.metric,
    value: signal.value,
    margin_of_error: signal.marginOfError,
    vintage: signal.vintage,
    dataset: signal.dataset,
    event_name: signal.eventName,
    start_date: signal.startDate,
    end_date: signal.endDate,
    metadata: signal.metadata ?? {},
    source_url: signal.sourceUrl,
    updated_at: signal.updatedAt.toISOString(),
  };
}
