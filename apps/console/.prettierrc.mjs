// The repository's Prettier settings, plus Angular's template parser for the console's HTML files
// (the plain HTML parser does not understand @if / @for blocks).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../../.prettierrc.json', import.meta.url), 'utf8'));

export default {
  ...base,
  overrides: [...(base.overrides ?? []), { files: '*.html', options: { parser: 'angular' } }],
};
