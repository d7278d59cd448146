import { Transform, TransformCallback } from 'node:stream';
import { ImportFileError } from '@lbi/contracts';

/** No CSV record of an import is longer than this; a longer one is almost always an unclosed quote. */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Watches CSV text on its way to the parser and stops at the first record longer than
 * MAX_RECORD_BYTES. An unclosed quote otherwise swallows the rest of the file into one field, and the
 * parser re-reads that growing field on every chunk (quadratic time, hundreds of MB of memory). The
 * scan jumps from quote to quote and newline to newline, so it costs little per byte.
 */
export class RecordLengthGuard extends Transform {
  private inQuotes = false;
  private recordLength = 0;
  private line = 1;
  private recordStartLine = 1;

  constructor(private readonly maxRecordBytes = MAX_RECORD_BYTES) {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let i = 0;
    // The next quote at or after i, found once and reused until passed: searching again at every
    // newline re-scanned the rest of a quote-free chunk per line (quadratic in the chunk's lines).
    let nextQuote = text.indexOf('"');
    const quoteFrom = (from: number) => {
      if (nextQuote >= 0 && nextQuote < from) nextQuote = text.indexOf('"', from);
      return nextQuote;
    };
    while (i < text.length) {
      if (this.inQuotes) {
        const quote = quoteFrom(i);
        const end = quote < 0 ? text.length : quote + 1;
        this.line += countNewlines(text, i, end);
        this.recordLength += end - i;
        if (quote >= 0) this.inQuotes = false;
        i = end;
      } else {
        const quote = quoteFrom(i);
        const newline = text.indexOf('\n', i);
        if (newline >= 0 && (quote < 0 || newline < quote)) {
          this.recordLength += newline - i;
          if (this.recordLength > this.maxRecordBytes) break;
          this.recordLength = 0;
          this.line += 1;
          this.recordStartLine = this.line;
          i = newline + 1;
          continue;
        }
        const end = quote < 0 ? text.length : quote + 1;
        this.recordLength += end - i;
        if (quote >= 0) this.inQuotes = true;
        i = end;
      }
      if (this.recordLength > this.maxRecordBytes) break;
    }
    if (this.recordLength > this.maxRecordBytes) {
      callback(
        new ImportFileError(
          `The record that starts on line ${this.recordStartLine} is longer than ${this.maxRecordBytes / 1024} KB: ` +
            'is a quote (") left unclosed? Nothing was imported.',
          { line: this.recordStartLine },
        ),
      );
      return;
    }
    callback(null, text);
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
