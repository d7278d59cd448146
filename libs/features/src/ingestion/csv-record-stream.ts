import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import {
  checkHeaders,
  ImportFileError,
  ImportKind,
  recordFromCells,
  RowError,
  RowRecord,
} from '@lbi/contracts';
import { RecordLengthGuard } from './record-length-guard';

export interface SourceRecord {
  /** Spreadsheet row number (header = 1; blank lines are skipped) or iCalendar event position. */
  row: number;
  record: RowRecord;
  /** Problems found before typing (wrong field count, PII in an iCalendar description). */
  errors?: RowError[];
}

/** Bytes read from disk per parse step (papaparse hands over the rows of one read at a time). */
const READ_CHUNK_BYTES = 512 * 1024;

/**
 * Streams a CSV file as batches of records keyed by the normalised header, checking the header against
 * the schema first. papaparse parses the file stream chunk by chunk and is paused after each chunk
 * until the consumer has handled it, so at most one chunk (about 512 KB of text) is in memory whatever
 * the file size. Batches rather than single rows: one await per chunk, not per row.
 */
export async function* streamCsvRecords(path: string, kind: ImportKind): AsyncGenerator<SourceRecord[]> {
  const file = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  const guard = new RecordLengthGuard();
  file.on('error', (error) => guard.destroy(error));
  file.pipe(guard);
  const queue: string[][][] = [];
  let parser: Papa.Parser | null = null;
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  Papa.parse<string[]>(guard as unknown as File, {
    header: false,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    chunk: (results, chunkParser) => {
      parser = chunkParser;
      chunkParser.pause();
      queue.push(results.data);
      notify();
    },
    complete: () => {
      finished = true;
      notify();
    },
    error: (error: unknown) => {
      failure = error;
      finished = true;
      notify();
    },
  });

  let headers: string[] | null = null;
  let row = 1;
  try {
    for (;;) {
      const rows = queue.shift();
      if (!rows) {
        if (failure instanceof ImportFileError) throw failure;
        if (failure) throw new ImportFileError('The file could not be read to the end.');
        if (finished) break;
        const waiting = new Promise<void>((resolve) => (wake = resolve));
        (parser as Papa.Parser | null)?.resume();
        await waiting;
        continue;
      }
      const batch: SourceRecord[] = [];
      for (const cells of rows) {
        if (headers === null) {
          headers = checkHeaders(kind, cells);
          continue;
        }
        row++;
        batch.push({ row, ...recordFromCells(headers, cells, row) });
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    if (!finished) (parser as Papa.Parser | null)?.abort();
    file.destroy();
    guard.destroy();
  }
  if (headers === null) throw new ImportFileError('The file is empty: it has no header row.');
}
