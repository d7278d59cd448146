import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';

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
  constructor(readonly limitBytes: number) {
    super(`The file is larger than the upload limit of ${formatBytes(limitBytes)} (UPLOAD_MAX_BYTES).`);
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

export function formatBytes(bytes: number): string {
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

/**
 * Streams `input` to a new file under `uploadDir`, counting, hashing and checking it on the way: more
 * than `maxBytes` or a NUL byte stops the copy. The content is then recognised from its first bytes.
 * On any refusal nothing is left on disk.
 */
export async function storeUpload(
  input: Readable,
  uploadDir: string,
  maxBytes: number,
): Promise<StoredUpload> {
  await mkdir(resolve(uploadDir), { recursive: true });
  const fileRef = newFileRef();
  const path = uploadPath(uploadDir, fileRef);
  const hash = createHash('sha256');
  let size = 0;
  let sawNul = false;
  const head: Buffer[] = [];
  let headBytes = 0;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new UploadTooLargeError(maxBytes));
      if (!sawNul && chunk.includes(0)) sawNul = true;
      if (sawNul) return callback(new UnsupportedContentError('it contains NUL bytes, so it is binary'));
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
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
    if (size === 0) throw new UnsupportedContentError('the file is empty');
    const contentKind = recogniseContent(Buffer.concat(head));
    return { fileRef, path, sizeBytes: size, sha256: hash.digest('hex'), contentKind };
  } catch (error) {
    input.unpipe(inspect);
    input.resume();
    // A write stream destroyed while still opening creates its file afterwards: wait for it to close.
    if (!output.closed) await once(output, 'close').catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
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
