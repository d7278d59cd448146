import { request as httpRequest } from 'node:http';

export interface StreamedResponse {
  status: number;
  body: { status_code?: number; message?: unknown; file_ref?: string } & Record<string, unknown>;
  text: string;
}

/**
 * POSTs a multipart upload whose file content comes piece by piece from `pieces` (chunked transfer
 * encoding, waiting for the socket to drain), so a file of any size is sent without ever being held
 * in memory. Resolves with the answer even if the server answered before the body was sent.
 */
export function streamedUpload(
  baseUrl: string,
  headers: Record<string, string>,
  filename: string,
  pieces: Iterable<Buffer>,
): Promise<StreamedResponse> {
  const boundary = `----lbi${Math.random().toString(16).slice(2)}`;
  return new Promise<StreamedResponse>((resolve, reject) => {
    let answered = false;
    const req = httpRequest(new URL('/api/v1/uploads', baseUrl), {
      method: 'POST',
      headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, text });
      });
      res.on('error', reject);
    });
    // A server that answered early may close the socket under the remaining writes.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = (chunk: Buffer) =>
      new Promise<void>((done) => (req.write(chunk) ? done() : req.once('drain', () => done())));
    void (async () => {
      await write(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
            'Content-Type: text/csv\r\n\r\n',
        ),
      );
      for (const piece of pieces) {
        if (answered || req.destroyed) break;
        await write(piece);
      }
      if (!req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
    })().catch(reject);
  });
}

/** `count` pieces of `size` bytes of `byte`: one buffer, written again and again. */
export function* repeatedBytes(byte: string, size: number, count: number): Generator<Buffer> {
  const piece = Buffer.alloc(size, byte);
  for (let i = 0; i < count; i += 1) yield piece;
}
