import { Injectable } from '@nestjs/common';
import { DEFAULT_SIGNALS_PAGE } from '@lbi/contracts';
import { TenantDb } from '@lbi/server';
import { FindOptionsWhere } from 'typeorm';
import { DemandSignal } from './demand-signal.entity';
import { ListSignalsQueryDto } from './dto/list-signals-query.dto';
import { requireGeography } from './geography-lookup';

export interface SignalsPage {
  signals: DemandSignal[];
  total: number;
  limit: number;
  offset: number;
}

/** A geography's aggregate signals (Census estimates, property aggregates, events), read-only. */
@Injectable()
export class SignalsService {
  constructor(private readonly tenantDb: TenantDb) {}

  list(query: ListSignalsQueryDto): Promise<SignalsPage> {
    const limit = query.limit ?? DEFAULT_SIGNALS_PAGE;
    const offset = query.offset ?? 0;
    return this.tenantDb.forCurrentTenant(async (db) => {
      await requireGeography(db, query.geography_id);
      const where: FindOptionsWhere<DemandSignal> = { geographyId: query.geography_id };
      if (query.signal_type) where.signalType = query.signal_type;
      if (query.zip_code) where.zipCode = query.zip_code;
      if (query.metric) where.metric = query.metric;
      const [signals, total] = await db.repository(DemandSignal).findAndCount({
        where,
        // zip_code, metric as the contract says; the rest makes pages stable.
        order: {
          zipCode: 'ASC',
          metric: 'ASC',
          startDate: 'ASC',
          eventName: 'ASC',
          vintage: 'ASC',
          id: 'ASC',
        },
        take: limit,
        skip: offset,
      });
      return { signals, total, limit, offset };
    });
  }
}
