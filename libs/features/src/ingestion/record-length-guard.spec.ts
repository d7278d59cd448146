import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RecordLengthGuard } from './record-length-guard';

async function pass(chunks: string[], max: number): Promise<string> {
  let out = '';
  await pipeline(Readable.from(chunks), new RecordLengthGuard(max), async (source) => {
    for await (const chunk of source) out += chunk;
  });
  return out;
}

describe('RecordLengthGuard', () => {
  it('passes text through unchanged when every record is short, across chunk boundaries', async () => {
    const chunks = ['a,b\n"x', ',y""z"', '\n1,2\n'];
    expect(await pass(chunks, 20)).toBe(chunks.join(''));
  });

  it('counts a quoted newline inside the record, and names the line the long record starts on', async () => {
    await expect(pass(['h\nok\nok2\n"multi\nline', ' still', ' open and long'], 20)).rejects.toThrow(
      /starts on line 4 is longer than/,
    );
  });

  it('stops at an unquoted record that is too long as well', async () => {
    await expect(pass(['h\n', 'y'.repeat(30), '\n'], 20)).rejects.toThrow(/line 2/);
  });
});
