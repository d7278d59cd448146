import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MAX_SIGNALS_PAGE, SignalType, type SignalPage } from '@lbi/contracts';
import { EMPTY, Observable, expand, reduce } from 'rxjs';

import { API } from '../core/api';

/**
 * Households per ZIP (the ACS occupied housing units, CENSUS signal `occupied_units`), which size the
 * map's marks. Read page by page: a geography may hold thousands of ZIPs.
 */
@Injectable({ providedIn: 'root' })
export class ZipPointsService {
  private readonly http = inject(HttpClient);

  households(geographyId: string): Observable<Map<string, number>> {
    const page = (offset: number) =>
      this.http.get<SignalPage>(`${API}/signals`, {
        params: new HttpParams()
          .set('geography_id', geographyId)
          .set('signal_type', SignalType.Census)
          .set('metric', 'occupied_units')
          .set('limit', String(MAX_SIGNALS_PAGE))
          .set('offset', String(offset)),
      });
    return page(0).pipe(
      expand((answer) =>
        answer.offset + answer.items.length < answer.total && answer.items.length > 0
          ? page(answer.offset + answer.items.length)
          : EMPTY,
      ),
      reduce((households, answer) => {
        // Pages run by ZIP, then vintage, oldest first: the newest vintage of a ZIP is kept.
        for (const signal of answer.items) {
          if (signal.zip_code && signal.value !== null) households.set(signal.zip_code, signal.value);
        }
        return households;
      }, new Map<string, number>()),
    );
  }
}
