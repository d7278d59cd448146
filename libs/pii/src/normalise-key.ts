import {
  COMPOUND_GLUE_WORDS,
  PERSON_NAME_QUALIFIERS,
  PII_KEY_RULES,
  PII_PLURAL_FOLDS,
  TOKEN_JOINS,
} from './pii-key-vocabulary';
import { normaliseText } from './normalise-text';
import { CompoundLexicon, splitCompoundToken } from './split-compound-token';

// One spelling-independent form for keys and CSV headers: `ownerName`, `Owner-Name`, `OWNER_NAME`,
// `owner.name`, `Owner's Name` and `ownername` all become ['owner', 'name'].

const lexicon: CompoundLexicon = buildLexicon();

function buildLexicon(): CompoundLexicon {
  const all = new Set<string>();
  const addPhrase = (phrase: string) => phrase.split(' ').forEach((t) => t !== '#' && all.add(t));
  for (const rule of PII_KEY_RULES) {
    [rule.anywhere, rule.wholeKey, rule.endsKey, rule.except].forEach((list) => list?.forEach(addPhrase));
  }
  PERSON_NAME_QUALIFIERS.forEach(addPhrase);
  Object.keys(PII_PLURAL_FOLDS).forEach(addPhrase);
  TOKEN_JOINS.forEach(([, , joined]) => all.add(joined));
  COMPOUND_GLUE_WORDS.forEach(addPhrase);
  const words = new Set([...all].filter((w) => w.length >= 3));
  const shortWords = new Set(COMPOUND_GLUE_WORDS.filter((w) => w.length < 3));
  const maxWordLength = Math.max(...[...all].map((w) => w.length));
  return { words, shortWords, maxWordLength };
}

/** Splits a key into lower-case word tokens; digits are their own tokens (`Address1` -> address, 1). */
export function normaliseKey(key: string): string[] {
  // Full-width and look-alike letters, zero-width characters: `ｅｍａｉｌ`, `e\u200bmail` are `email`.
  const spaced = normaliseText(key)
    // Possessives carry no meaning (`Driver's License`, `Owner's Name`); other apostrophes join letters.
    .replace(/['’]s(?![\p{L}\p{N}])/giu, '')
    .replace(/['’]/gu, '')
    // `Phone #`, `Apt#`: the sign is the word `number`.
    .replace(/#/g, ' number ')
    // camelCase and PascalCase; an upper-case run keeps together (`SSNNumber` -> SSN Number, `URLs` stays).
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll}{2,})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  const tokens = spaced
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return joinSplitWords(tokens).flatMap((t) => splitCompoundToken(t, lexicon) ?? [t]);
}

function joinSplitWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const join = TOKEN_JOINS.find(([a, b]) => tokens[i] === a && tokens[i + 1] === b);
    if (join) {
      out.push(join[2]);
      i++;
    } else {
      out.push(tokens[i]);
    }
  }
  return out;
}
