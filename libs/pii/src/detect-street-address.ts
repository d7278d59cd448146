// Street addresses in free text: a house number, one to four street-name words and a street suffix
// ("123 Main St", "45 Oak Avenue Apt 4", "1200 W. Market Street"). Organisation and event names share
// those words ("Main Street Business Association", "Route 1 Farmers Market", "2 Day Blood Drive",
// "10 minute drive"), so a candidate is dropped when:
// - there is no house number before the street name (most organisation names);
// - the number is a measure or a route, not a house number ("10 minute drive", "Route 202 ...");
// - the name contains a function word ("300 neighbors on Main Street");
// - the word before the suffix makes it an event or a court ("Toy Drive", "Food Court", "Holiday Trail");
// - the word after the suffix makes it a name ("2026 Main Street Festival").
// Ordinals are not house numbers ("2nd Street Festival"); P.O. boxes are left alone (organisations publish them).

const SUFFIXES = [
  'street',
  'st',
  'avenue',
  'ave',
  'av',
  'road',
  'rd',
  'boulevard',
  'blvd',
  'drive',
  'dr',
  'lane',
  'ln',
  'court',
  'ct',
  'place',
  'pl',
  'way',
  'terrace',
  'ter',
  'parkway',
  'pkwy',
  'circle',
  'cir',
  'highway',
  'hwy',
  'pike',
  'trail',
  'trl',
  'alley',
  'aly',
];

const ADDRESS = new RegExp(
  String.raw`(?<![\w$#.,/-])\d{1,6}(?:-\d{1,6})?[a-j]?\s+((?:[a-z0-9][a-z0-9'’.-]*\s+){1,4}?)(?:${SUFFIXES.join('|')})\.?(?![a-z0-9'’-])`,
  'gi',
);

/** First word after the number that makes it a quantity, not a house number. */
const MEASURE_WORDS = new Set(
  (
    'minute minutes min mins mile miles mi hour hours hr hrs day days week weeks weekend weekends month months ' +
    'year years yr yrs second seconds sec km k foot feet ft acre acres block blocks step steps percent pct ' +
    'people person persons family families home homes house houses unit units car cars seat seats table tables ' +
    'vendor vendors team teams time times lb lbs am pm x star stars'
  ).split(' '),
);

/** Function words never found inside a street name. */
const STOPWORDS = new Set(
  'a an and are at be by for from in is of on or our per the their to was with your my we you'.split(' '),
);

/** Word before the suffix that makes it an event, a venue or a court rather than a street. */
const EVENT_WORDS = new Set(
  (
    'food toy toys blood coat coats book books canned clothing charity donation donations fund fundraising ' +
    'membership voter registration recruitment supply supplies tennis basketball pickleball volleyball ' +
    'bocce racquetball supreme family district municipal traffic juvenile appeals meeting gathering ' +
    'holiday lights pumpkin candy nature hiking walking history heritage ale wine beer art memory ' +
    'sewing quilting reading prayer drum test scenic sunday hard flash usb disk thumb wheel bike bowling fast ' +
    'inner winners royal home rooftop'
  ).split(' '),
);

/** Word after the suffix that makes the whole phrase a name ("Main Street Festival"). */
const NAME_CONTINUATIONS = new Set(
  (
    'race races run trip show rally party parties sale sales cleanup fair festival fest market association ' +
    'assn business businesses merchants program district school church band team club league committee ' +
    'partnership alliance project parade celebration'
  ).split(' '),
);

/** Words just before the number that make it a route, a booth or a rank. */
const NOT_A_HOUSE_NUMBER_BEFORE =
  /(?:^|[^\w])(?:route|rt|hwy|highway|interstate|exit|sr|booth|table|stage|gate|hall|top|no|number)[\s.#-]*$/i;

const word = (w: string) => w.toLowerCase().replace(/[.'’]+$/u, '');

export function containsStreetAddress(text: string): boolean {
  const pattern = new RegExp(ADDRESS.source, ADDRESS.flags);
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (isPlausibleAddress(text, match)) return true;
    // Retry from the next character: a rejected candidate may hide a real address inside it.
    pattern.lastIndex = match.index + 1;
  }
  return false;
}

function isPlausibleAddress(text: string, match: RegExpExecArray): boolean {
  const nameWords = match[1].trim().split(/\s+/).map(word);
  if (MEASURE_WORDS.has(nameWords[0])) return false;
  if (nameWords.some((w) => STOPWORDS.has(w))) return false;
  if (EVENT_WORDS.has(nameWords[nameWords.length - 1])) return false;
  const before = text.slice(Math.max(0, match.index - 16), match.index);
  if (NOT_A_HOUSE_NUMBER_BEFORE.test(before)) return false;
  const after = /^\s*([a-z]+)/i.exec(text.slice(match.index + match[0].length));
  return !(after && NAME_CONTINUATIONS.has(after[1].toLowerCase()));
}
