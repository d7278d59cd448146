// Splits a glued token (`ownername`, `dateofbirth`) into dictionary words so the key rules see
// `owner name`. A token is split only when it is not itself a word and ALL of it is covered by words,
// so ordinary words (`filename`, `households`, `intel`) stay whole.

export interface CompoundLexicon {
  /** Words of three letters or more. */
  readonly words: ReadonlySet<string>;
  /** The only one- and two-letter words a compound may contain (`dateofbirth`, `houseno`). */
  readonly shortWords: ReadonlySet<string>;
  readonly maxWordLength: number;
}

/** Glued keys longer than this are prose, not compounds: not worth a quadratic search. */
const MAX_COMPOUND_LENGTH = 48;

/** Fewest-words split of `token`, or null when it is a word itself or cannot be fully covered. */
export function splitCompoundToken(token: string, lexicon: CompoundLexicon): string[] | null {
  if (lexicon.words.has(token) || token.length > MAX_COMPOUND_LENGTH) return null;
  // best[i]: fewest words covering token[0, i).
  const best: (string[] | null)[] = new Array<string[] | null>(token.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - lexicon.maxWordLength); start < end; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const word = token.slice(start, end);
      const known = word.length >= 3 ? lexicon.words.has(word) : lexicon.shortWords.has(word);
      if (!known) continue;
      const current = best[end];
      if (!current || prefix.length + 1 < current.length) best[end] = [...prefix, word];
    }
  }
  const split = best[token.length];
  return split && split.length > 1 ? split : null;
}
