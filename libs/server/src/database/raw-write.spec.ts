import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PiiViolationError } from '@lbi/pii';
import { EntityManager } from 'typeorm';
import { projectRoot } from '../project-root';
import { detailsWithoutPii, errorMessageWithoutPii, rawWrite, WITHHELD_ERROR_MESSAGE } from './raw-write';

function managerRecording(): { manager: EntityManager; sent: unknown[][] } {
  const sent: unknown[][] = [];
  const manager = {
    queryRunner: undefined,
    query: async (sql: string, params: unknown[]) => {
      sent.push([sql, params]);
      return [[], 1];
    },
  } as unknown as EntityManager;
  return { manager, sent };
}

describe('rawWrite', () => {
  it('refuses text with PII before anything is sent, naming the column, never the value', async () => {
    const { manager, sent } = managerRecording();
    const attempt = rawWrite(
      manager,
      'ingestion_runs',
      'UPDATE ingestion_runs SET error_message = $1',
      ['x'],
      {
        error_message: 'Line: Jane Quimby, jane@example.com',
      },
    );
    await expect(attempt).rejects.toThrow(PiiViolationError);
    await expect(attempt).rejects.toThrow(/"error_message" contains an email address/);
    await expect(attempt).rejects.not.toThrow(/jane@/);
    expect(sent).toEqual([]);
  });

  it('walks jsonb text the way the subscriber does, and lets clean writes through', async () => {
    const { manager, sent } = managerRecording();
    await expect(
      rawWrite(manager, 'ingestion_runs', 'UPDATE …', [], {
        details: { notes: [{ text: 'call 215-555-0142' }] },
      }),
    ).rejects.toThrow(/details\.notes\[0\]\.text/);
    const result = await rawWrite(manager, 'ingestion_runs', 'UPDATE …', ['ok'], { error_message: 'fine' });
    expect(result.affected).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('withholds a stored failure message or details that hold PII rather than refusing to record the failure', () => {
    expect(errorMessageWithoutPii('Could not parse line "jane@example.com"')).toBe(WITHHELD_ERROR_MESSAGE);
    expect(errorMessageWithoutPii('row 7, column "start_date": is not a date')).toBe(
      'row 7, column "start_date": is not a date',
    );
    expect(errorMessageWithoutPii(null)).toBeNull();
    expect(detailsWithoutPii({ failed_request: 'ssn: 078051120' })).toEqual({
      withheld: WITHHELD_ERROR_MESSAGE,
    });
    expect(detailsWithoutPii({ attempts: 3 })).toEqual({ attempts: 3 });
  });
});

/** Every TypeScript source of the apps and libs, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('raw SQL writes', () => {
  it('go through rawWrite everywhere: no .query() with INSERT or UPDATE text anywhere else', () => {
    const root = projectRoot();
    const offenders = ['apps', 'libs']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((path) => !path.endsWith(join('database', 'raw-write.ts')))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        return [...text.matchAll(/\.query\(\s*[`'"]\s*(INSERT|UPDATE)\b/gi)].map(
          (match) => `${relative(root, path)}:${text.slice(0, match.index).split('\n').length}`,
        );
      });
    expect(offenders).toEqual([]);
  });
});
