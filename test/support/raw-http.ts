import { Agent, request as httpRequest } from 'node:http';

/** One piece of a request body, written after waiting `delayMs` (to mimic a slow network). */
export interface BodyPiece {
  data: Buffer | string;
  delayMs?: number;
  /** Write this piece one byte at a time (each byte after `byteDelayMs`). */
  byteByByte?: boolean;
  byteDelayMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
  /** True when the request went out on a connection an earlier request had used (keep-alive). */
  reusedSocket: boolean;
  socketId: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const socketIds = new WeakMap<object, number>();
let nextSocketId = 1;

/**
 * Sends a request the way a browser on a real network does: the head is flushed first and the body
 * follows in pieces, each after its own delay, on the given keep-alive agent. Content-Length is set
 * from the pieces, so the server cannot tell the body is slow until it waits for it.
 */
export async function rawRequest(
  baseUrl: string,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: BodyPiece[];
    agent?: Agent;
  },
): Promise<RawResponse> {
  const url = new URL(options.path, baseUrl);
  const pieces = (options.body ?? []).map((piece) => ({
    ...piece,
    data: Buffer.isBuffer(piece.data) ? piece.data : Buffer.from(piece.data),
  }));
  const length = pieces.reduce((sum, piece) => sum + piece.data.length, 0);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method,
        agent: options.agent,
        headers: { ...(options.headers ?? {}), ...(pieces.length > 0 ? { 'Content-Length': length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          const socket = req.socket as object;
          if (!socketIds.has(socket)) socketIds.set(socket, nextSocketId++);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            reusedSocket: req.reusedSocket,
            socketId: socketIds.get(socket) as number,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    void (async () => {
      req.flushHeaders();
      for (const piece of pieces) {
        if (piece.delayMs) await wait(piece.delayMs);
        if (piece.byteByByte) {
          for (const byte of piece.data) {
            req.write(Buffer.from([byte]));
            if (piece.byteDelayMs) await wait(piece.byteDelayMs);
            else await new Promise((done) => setImmediate(done));
          }
        } else {
          req.write(piece.data);
        }
      }
      req.end();
    })().catch(reject);
  });
}

/** A multipart/form-data body with one file field, split into head, content and tail. */
export function multipartFile(
  content: Buffer | string,
  filename = 'data.csv',
  field = 'file',
): { boundary: string; head: Buffer; content: Buffer; tail: Buffer; contentType: string } {
  const boundary = `----lbi${Math.random().toString(16).slice(2)}`;
  return {
    boundary,
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: text/csv\r\n\r\n`,
    ),
    content: Buffer.isBuffer(content) ? content : Buffer.from(content),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  };
}
