import { RunningApi, startApi } from '../../apps/api/src/bootstrap';
import { testConfig } from './test-env';

/** Boots the real API on a free port against the test database, capturing its log lines. */
export async function startTestApi(
  overrides: Record<string, string | undefined> = {},
): Promise<RunningApi & { logs: string[] }> {
  const logs: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);
  // pino writes JSON lines to stdout; keep them so tests can assert what was (not) logged.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (text.startsWith('{"level"')) {
      logs.push(text);
      return true;
    }
    return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    const api = await startApi(testConfig({ LOG_LEVEL: 'info', ...overrides }), {
      port: 0,
      retryBackoffMs: 10,
    });
    return {
      ...api,
      logs,
      stop: async () => {
        await api.stop();
        process.stdout.write = originalWrite;
      },
    };
  } catch (error) {
    process.stdout.write = originalWrite;
    throw error;
  }
}
