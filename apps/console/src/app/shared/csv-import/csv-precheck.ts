import {
  ImportFileError,
  MAX_REPORTED_ERRORS,
  ROW_VALIDATORS,
  checkHeaders,
  recordFromCells,
  type ImportKind,
  type RowContext,
  type RowError,
} from '@lbi/contracts';
import Papa from 'papaparse';

/** What the browser found before anything is sent: the same schema and PII rules the import job runs. */
export type PrecheckResult =
  | { readonly ok: true; readonly contentKind: 'csv' | 'ics'; readonly rows: number | null }
  | {
      readonly ok: false;
      readonly message: string;
      /** PII columns named by the header check (the file is refused before any row is read). */
      readonly piiColumns: readonly string[];
      readonly rowErrors: readonly RowError[];
      readonly errorCount: number;
    };

const ICS_SIGNATURE = /^\uFEFF?\s*BEGIN:VCALENDAR/i;
/** Bytes papaparse reads from the file per step: progress moves smoothly, memory stays small. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Checks a file in the browser as the import job would: the header against the import schema (a PII
 * column refuses the file at once) and every value of every row (types, ZIPs of the geography, PII in
 * free text). iCalendar files are recognised and left to the server, which parses them.
 */
export async function precheckFile(
  file: File,
  kind: ImportKind,
  ctx: RowContext,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<PrecheckResult> {
  const head = await file.slice(0, 256).text();
  if (ICS_SIGNATURE.test(head)) {
    return kind === 'events'
      ? { ok: true, contentKind: 'ics', rows: null }
      : refuse(
          'An iCalendar (.ics) file can only be imported as events: choose the events type, or a CSV file.',
        );
  }
  if (file.size === 0) return refuse('The file is empty: choose a CSV file with a header row.');
  return new Promise<PrecheckResult>((resolve) => {
    let headers: string[] | null = null;
    let row = 1;
    let errorCount = 0;
    const rowErrors: RowError[] = [];
    let done = false;
    const finish = (result: PrecheckResult, parser?: Papa.Parser) => {
      if (done) return;
      done = true;
      parser?.abort();
      resolve(result);
    };
    Papa.parse<string[]>(file, {
      header: false,
      delimiter: ',',
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_BYTES,
      chunk: (results, parser) => {
        for (const cells of results.data) {
          if (headers === null) {
            try {
              headers = checkHeaders(kind, cells);
            } catch (error) {
              return finish(fromHeaderError(error), parser);
            }
            continue;
          }
          row++;
          const source = recordFromCells(headers, cells, row);
          const checked = ROW_VALIDATORS[kind](source.record, row, ctx);
          const found = [...(source.errors ?? []), ...(checked.ok ? [] : checked.errors)];
          if (found.length === 0) continue;
          errorCount += found.length;
          rowErrors.push(...found.slice(0, MAX_REPORTED_ERRORS - rowErrors.length));
          if (rowErrors.length >= MAX_REPORTED_ERRORS) {
            return finish(rowsRefused(rowErrors, errorCount, true), parser);
          }
        }
        onProgress(Math.min(1, results.meta.cursor / Math.max(file.size, 1)));
      },
      complete: () => {
        if (headers === null) return finish(refuse('The file is empty: it has no header row.'));
        if (errorCount > 0) return finish(rowsRefused(rowErrors, errorCount, false));
        if (row === 1) return finish(refuse('The file has a header but no data rows.'));
        onProgress(1);
        finish({ ok: true, contentKind: 'csv', rows: row - 1 });
      },
      error: () => finish(refuse('The file could not be read. Choose it again, or save it as UTF-8 CSV.')),
    });
  });
}

function refuse(message: string, piiColumns: readonly string[] = []): PrecheckResult {
  return { ok: false, message, piiColumns, rowErrors: [], errorCount: 0 };
}

function fromHeaderError(error: unknown): PrecheckResult {
  if (!(error instanceof ImportFileError)) return refuse('The header row could not be checked.');
  const pii = error.details['pii_columns'];
  const columns = Array.isArray(pii)
    ? pii.map((entry) => String((entry as { column?: unknown }).column ?? '')).filter((c) => c !== '')
    : [];
  return refuse(error.message, columns);
}

function rowsRefused(rowErrors: RowError[], errorCount: number, stoppedEarly: boolean): PrecheckResult {
  const count = `${errorCount}${stoppedEarly ? '+' : ''} problem${errorCount === 1 ? '' : 's'}`;
  return {
    ok: false,
    message: `${count} found${stoppedEarly ? ` (checking stopped after the first ${MAX_REPORTED_ERRORS})` : ''}. Fix ${
      errorCount === 1 ? 'it' : 'them'
    } in the file and choose it again.`,
    piiColumns: [],
    rowErrors,
    errorCount,
  };
}
