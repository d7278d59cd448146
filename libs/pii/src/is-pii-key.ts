import { normaliseKey } from './normalise-key';
import { PiiKeyKind } from './pii-kinds';
import { BOOLEAN_KEY_PREFIXES, PII_KEY_RULES, PII_PLURAL_FOLDS, PiiKeyRule } from './pii-key-vocabulary';

export interface PiiKeyMatch {
  readonly kind: PiiKeyKind;
  /** The vocabulary phrase that matched, e.g. `owner name` (from the rules, never from a value). */
  readonly term: string;
  /** The key's tokens after plural folding. */
  readonly tokens: readonly string[];
}

type Phrase = readonly string[];

interface CompiledRule {
  readonly kind: PiiKeyKind;
  readonly anywhere: readonly Phrase[];
  readonly wholeKey: readonly Phrase[];
  readonly endsKey: readonly Phrase[];
  readonly except: readonly Phrase[];
}

const toPhrases = (list: readonly string[] | undefined): Phrase[] => (list ?? []).map((p) => p.split(' '));

const compiledRules: readonly CompiledRule[] = PII_KEY_RULES.map((rule: PiiKeyRule) => ({
  kind: rule.kind,
  anywhere: toPhrases(rule.anywhere),
  wholeKey: toPhrases(rule.wholeKey),
  endsKey: toPhrases(rule.endsKey),
  except: toPhrases(rule.except),
}));

// A Map, not the object: a key named `constructor` must not read Object.prototype.
const pluralFolds = new Map(Object.entries(PII_PLURAL_FOLDS));
const booleanPrefixes = new Set(BOOLEAN_KEY_PREFIXES);
const isNumber = (token: string) => /^\d+$/.test(token);

/** The PII kind a key's name reveals (`owner_name` -> person-name), or null for an accepted key. */
export function isPiiKey(key: string): PiiKeyMatch | null {
  const tokens = normaliseKey(key).map((t) => pluralFolds.get(t) ?? t);
  // `phone2`, `address_1`: a trailing number does not change what the field holds.
  let coreLength = tokens.length;
  while (coreLength > 0 && isNumber(tokens[coreLength - 1])) coreLength--;
  const core = tokens.slice(0, coreLength);
  if (core.length === 0) return null;

  for (const rule of compiledRules) {
    const term = matchRule(rule, tokens, core);
    if (term) return { kind: rule.kind, term, tokens };
  }
  return null;
}

function matchRule(rule: CompiledRule, tokens: Phrase, core: Phrase): string | null {
  for (const phrase of rule.wholeKey) {
    if (isWhole(tokens, phrase) || isWhole(core, phrase)) return phrase.join(' ');
  }
  if (!booleanPrefixes.has(core[0])) {
    for (const phrase of rule.endsKey) {
      if (occursAt(core, phrase, core.length - phrase.length)) return phrase.join(' ');
    }
  }
  for (const phrase of rule.anywhere) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (occursAt(tokens, phrase, i) && !isExcepted(rule, tokens, i, phrase.length)) return phrase.join(' ');
    }
  }
  return null;
}

function isWhole(tokens: Phrase, phrase: Phrase): boolean {
  return tokens.length === phrase.length && occursAt(tokens, phrase, 0);
}

function occursAt(tokens: Phrase, phrase: Phrase, start: number): boolean {
  if (start < 0 || start + phrase.length > tokens.length) return false;
  return phrase.every((p, j) => (p === '#' ? isNumber(tokens[start + j]) : p === tokens[start + j]));
}

/** True when an `except` phrase overlaps tokens [start, start + length). */
function isExcepted(rule: CompiledRule, tokens: Phrase, start: number, length: number): boolean {
  return rule.except.some((phrase) => {
    for (let j = Math.max(0, start - phrase.length + 1); j < start + length; j++) {
      if (occursAt(tokens, phrase, j)) return true;
    }
    return false;
  });
}
