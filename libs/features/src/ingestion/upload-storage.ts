import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { findPiiHeaders } from '@lbi/pii';

// Where uploaded files live and how their content is recognised. A file is stored under UPLOAD_DIR by
// a random file_ref only: the client's filename never becomes part of a path.

export const FILE_REF_PATTERN = /^[0-9a-f]{32}$/;

export function newFileRef(): string {
  return randomBytes(16).toString('hex');
}

/** The storage path of a file_ref; refuses anything that is not a file_ref (no path can be smuggled in). */
export function uploadPath(uploadDir: string, fileRef: string): string {
  if (!FILE_REF_PATTERN.test(fileRef)) throw new Error('not a file_ref');
  return join(resolve(uploadDir), fileRef);
}

/** The client's filename, for display only: no directories, no control characters, at most 255 characters. */
export function displayFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  return (clean === '' || clean === '.' || clean === '..' ? 'upload' : clean).slice(0, 255);
}

/** How many leading bytes are kept to recognise the content. */
const SNIFF_BYTES = 64 * 1024;

export class UploadTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    message = `The file is larger than the upload limit of ${formatBytes(limitBytes)} (UPLOAD_MAX_BYTES).`,
  ) {
    super(message);
    this.name = 'UploadTooLargeError';
  }
}

export class UnsupportedContentError extends Error {
  constructor(reason: string) {
    super(
      `Only CSV files (UTF-8 text with a header row) and iCalendar (.ics) event files are accepted: ${reason}.`,
    );
    this.name = 'UnsupportedContentError';
  }
}

/** The file holds personal data (a PII column, people's contacts in a calendar): refused, never kept. */
export class UploadPiiError extends Error {
  constructor(reason: string) {
    super(`${reason}: personal data is not accepted. Remove it and upload the file again; nothing was kept.`);
    this.name = 'UploadPiiError';
  }
}

export function formatBytes(bytes: number): string {
  const gib = bytes / (1024 * 1024 * 1024);
  if (gib >= 1) return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  const kib = bytes / 1024;
  if (kib >= 1) return `${Number.isInteger(kib) ? kib : kib.toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

export interface StoredUpload {
  fileRef: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  contentKind: 'csv' | 'ics';
}

export interface UploadLimits {
  /** UPLOAD_MAX_BYTES. */
  maxBytes: number;
  /** Space left in the tenant's quota; a file that needs more is refused with `quotaMessage`. */
  remainingQuotaBytes?: number;
  quotaMessage?: (bytesNeeded: number) => string;
  /** iCalendar files are parsed whole: a smaller size limit and a cap on events. */
  icsMaxBytes: number;
  icsMaxEvents: number;
}

/**
 * Streams `input` to a new file under `uploadDir`, counting, hashing and checking it on the way: more
 * than the limits allow, a NUL byte, or (for a calendar) people's contact lines stop the copy. The
 * content is then recognised from its first bytes. On any refusal nothing is left on disk.
 */
export async function storeUpload(
  input: Readable,
  uploadDir: string,
  limits: UploadLimits,
): Promise<StoredUpload> {
  await mkdir(resolve(uploadDir), { recursive: true });
  const fileRef = newFileRef();
  const path = uploadPath(uploadDir, fileRef);
  const hash = createHash('sha256');
  const inspector = new UploadInspector(limits);
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const refusal = inspector.take(chunk);
      if (refusal) return callback(refusal);
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const output = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  // The input is piped, not handed to pipeline(): a refusal must not destroy the caller's stream (a
  // multipart parser would report that as its own error before the file is removed); it is drained.
  const written = pipeline(inspect, output);
  input.on('error', (error) => inspect.destroy(error));
  input.pipe(inspect);
  try {
    await written;
    const contentKind = inspector.finish();
    return { fileRef, path, sizeBytes: inspector.size, sha256: hash.digest('hex'), contentKind };
  } catch (error) {
    input.unpipe(inspect);
    input.resume();
    // A write stream destroyed while still opening creates its file afterwards: wait for it to close.
    if (!output.closed) await once(output, 'close').catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}

/** Calendar properties that name people. */
const PERSON_LINE = /(?:^|[\r\n])(?:ORGANIZER|ATTENDEE|CONTACT)[;:]/i;
const VEVENT = /BEGIN:VEVENT/gi;
/** Bytes kept from the end of one chunk so a marker cut across two chunks is still seen. */
const CARRY = 16;

/** The checks storeUpload runs on every chunk, and the verdict at the end. */
class UploadInspector {
  size = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private carry = '';
  private events = 0;
  private personLines = false;
  private looksIcs: boolean | undefined;

  constructor(private readonly limits: UploadLimits) {}

  /** Takes one chunk; answers the refusal it causes, if any. */
  take(chunk: Buffer): Error | undefined {
    this.size += chunk.length;
    if (chunk.includes(0)) return new UnsupportedContentError('it contains NUL bytes, so it is binary');
    if (this.headBytes < SNIFF_BYTES) {
      this.head.push(chunk.subarray(0, SNIFF_BYTES - this.headBytes));
      this.headBytes += Math.min(chunk.length, SNIFF_BYTES - this.headBytes);
    }
    if (this.looksIcs === undefined && this.headBytes >= 32) this.looksIcs = startsLikeIcs(this.headText());
    // latin1 keeps one character per byte: the markers are ASCII, and offsets stay byte offsets.
    const text = this.carry + chunk.toString('latin1');
    this.events += (text.match(VEVENT)?.length ?? 0) - (this.carry.match(VEVENT)?.length ?? 0);
    if (PERSON_LINE.test(text)) this.personLines = true;
    this.carry = text.slice(-CARRY);
    return this.overLimit();
  }

  /** Recognises the content once everything arrived; throws the refusal. */
  finish(): 'csv' | 'ics' {
    if (this.size === 0) throw new UnsupportedContentError('the file is empty');
    this.looksIcs ??= startsLikeIcs(this.headText());
    const refusal = this.overLimit();
    if (refusal) throw refusal;
    const kind = recogniseContent(Buffer.concat(this.head));
    if (kind === 'ics' && this.personLines) {
      throw new UploadPiiError(
        'The calendar names people (ORGANIZER, ATTENDEE or CONTACT lines, usually with their email addresses)',
      );
    }
    if (kind === 'csv') refuseCsvPiiHeader(this.headText());
    return kind;
  }

  private headText(): string {
    return Buffer.concat(this.head).toString('utf8');
  }

  private overLimit(): Error | undefined {
    const { maxBytes, remainingQuotaBytes, quotaMessage, icsMaxBytes, icsMaxEvents } = this.limits;
    if (this.size > maxBytes) return new UploadTooLargeError(maxBytes);
    if (remainingQuotaBytes !== undefined && this.size > remainingQuotaBytes) {
      return new UploadTooLargeError(remainingQuotaBytes, quotaMessage?.(this.size));
    }
    if (this.looksIcs && this.size > icsMaxBytes) {
      return new UploadTooLargeError(
        icsMaxBytes,
        `iCalendar files may be at most ${formatBytes(icsMaxBytes)} (ICS_MAX_BYTES); split the calendar into smaller files.`,
      );
    }
    if (this.looksIcs && this.events > icsMaxEvents) {
      return new UploadTooLargeError(
        icsMaxBytes,
        `The calendar holds more than ${icsMaxEvents.toLocaleString('en-US')} events (ICS_MAX_EVENTS); split it into smaller files.`,
      );
    }
    return undefined;
  }
}

function startsLikeIcs(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text);
}

/** A CSV whose header names a PII column is refused at once: it is never stored. */
function refuseCsvPiiHeader(headText: string): void {
  const text = headText.replace(/^\uFEFF/, '');
  const newline = text.search(/\r?\n/);
  const header = Papa.parse<string[]>(newline < 0 ? text : text.slice(0, newline), { delimiter: ',' })
    .data[0];
  const pii = findPiiHeaders((header ?? []).map((cell) => cell.trim()));
  if (pii.length > 0) {
    const named = pii.map((v) => `"${v.path}"`).join(', ');
    throw new UploadPiiError(`The file has PII column${pii.length > 1 ? 's' : ''} ${named}`);
  }
}

/**
 * Recognises an upload by its first bytes: iCalendar when it starts with BEGIN:VCALENDAR, CSV when it
 * is UTF-8 text (optional BOM) whose first line parses as a header of non-empty column names.
 * Throws UnsupportedContentError otherwise.
 */
export function recogniseContent(head: Buffer): 'csv' | 'ics' {
  if (head.includes(0)) throw new UnsupportedContentError('it contains NUL bytes, so it is binary');
  let text: string;
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new UnsupportedContentError('it is not UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '');
  if (/^\s*BEGIN:VCALENDAR\r?\n/i.test(text) || /^\s*BEGIN:VCALENDAR$/i.test(text)) return 'ics';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text.slice(0, 4096)))
    throw new UnsupportedContentError('it contains control characters, so it is not text');
  const newline = text.search(/\r?\n/);
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  if (firstLine.trim() === '')
    throw new UnsupportedContentError('its first line is empty, where the header row belongs');
  if (/^%PDF-|^\{\\rtf/.test(firstLine))
    throw new UnsupportedContentError('it is a document, not a CSV file');
  const parsed = Papa.parse<string[]>(firstLine, { header: false, delimiter: ',' });
  const header = parsed.data[0] ?? [];
  if (parsed.errors.length > 0 || header.length === 0 || header.some((cell) => cell.trim() === ''))
    throw new UnsupportedContentError(
      'its first line is not a CSV header (comma-separated, non-empty column names)',
    );
  if (header.some((cell) => cell.length > 200))
    throw new UnsupportedContentError(
      'its first line is not a CSV header (a column name is over 200 characters)',
    );
  return 'csv';
}
