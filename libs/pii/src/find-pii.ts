import { defaultValueScan } from './default-value-scan';
import { PiiValueScan, detectPiiValueKinds } from './detect-pii-value';
import {
  FieldPath,
  REDACTED_SEGMENT,
  allowedPaths,
  childPath,
  formatFieldPath,
  isAllowedPath,
} from './field-path';
import { PiiKeyMatch, isPiiKey } from './is-pii-key';
import { PiiCheckOptions } from './pii-check-options';
import { PiiValueKind, PiiViolationKind } from './pii-kinds';
import { PiiViolation } from './pii-violation';

interface Pending {
  readonly value: unknown;
  readonly path: FieldPath | null;
  readonly scan: PiiValueScan;
  /** Set when the value sits under an object key, which is then checked too. */
  readonly key?: string;
  /** PII found in the key's own text (`{"jane@x.com": 1}`); its path segment is then redacted. */
  readonly keyContent?: readonly PiiValueKind[];
}

/**
 * Every PII violation in a value: keys whose names reveal PII (at any depth, in objects, arrays, Maps and
 * Sets) and string values holding PII. Keys are always checked, including keys that are themselves PII
 * values; `checkValues: false` skips string values only. Numbers are never scanned: aggregates can have ten
 * digits. Walks iteratively (no stack overflow on deep input) and visits a shared object once.
 */
export function findPii(input: unknown, options: PiiCheckOptions = {}): PiiViolation[] {
  const allowed = allowedPaths(options.allowKeys);
  const checkValues = options.checkValues ?? true;
  const valueFields = options.valueFields ?? {};
  const violations: PiiViolation[] = [];
  const seen = new WeakSet<object>();
  const stack: Pending[] = [{ value: input, path: null, scan: 'all' }];

  const scanFor = (key: string): PiiValueScan =>
    Object.hasOwn(valueFields, key) ? valueFields[key] : keyFacts(key).scan;

  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, scan, key, keyContent } = item;
    const allowedHere = isAllowedPath(path, allowed);
    const report = (kind: PiiViolationKind) => violations.push({ path: formatFieldPath(path), kind });

    if (keyContent && keyContent.length > 0) {
      keyContent.forEach((kind) => report(`${kind} value`));
    } else if (key !== undefined && !allowedHere) {
      const match = keyFacts(key).match;
      if (match) report(`${match.kind} key`);
    }

    if (typeof value === 'string') {
      if (checkValues && !allowedHere) {
        detectPiiValueKinds(value, scan).forEach((kind) => report(`${kind} value`));
      }
      continue;
    }
    if (value === null || typeof value !== 'object' || isOpaque(value) || seen.has(value)) continue;
    seen.add(value);

    const children: Pending[] = [];
    if (Array.isArray(value) || value instanceof Set) {
      [...value].forEach((child, index) =>
        children.push({ value: child, path: childPath(path, index), scan }),
      );
    } else {
      for (const [childKey, child] of ownEntries(value)) {
        const content = keyFacts(childKey).content;
        const segment = content.length > 0 ? REDACTED_SEGMENT : childKey;
        children.push({
          value: child,
          path: childPath(path, segment),
          scan: scanFor(childKey),
          key: childKey,
          keyContent: content,
        });
      }
    }
    // Reversed onto the stack so violations come out in document order.
    stack.push(...children.reverse());
  }
  return violations;
}

interface KeyFacts {
  readonly content: readonly PiiValueKind[];
  readonly match: PiiKeyMatch | null;
  readonly scan: PiiValueScan;
}

// Imports check the same few keys on every row: remember what each key is. Bounded so that input with
// ever-new keys (ids as keys) cannot grow it without limit.
const KEY_FACTS_LIMIT = 5000;
const keyFactsCache = new Map<string, KeyFacts>();

function keyFacts(key: string): KeyFacts {
  let facts = keyFactsCache.get(key);
  if (!facts) {
    facts = { content: detectPiiValueKinds(key), match: isPiiKey(key), scan: defaultValueScan(key) };
    if (keyFactsCache.size >= KEY_FACTS_LIMIT) keyFactsCache.clear();
    keyFactsCache.set(key, facts);
  }
  return facts;
}

/** Objects whose insides are bytes or built-in state, not fields. */
function isOpaque(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

function ownEntries(value: object): [string, unknown][] {
  if (value instanceof Map) {
    return [...value.entries()]
      .filter(([k]) => typeof k === 'string' || typeof k === 'number')
      .map(([k, v]) => [String(k), v]);
  }
  return Object.entries(value);
}
