/**
 * When a scheduled email goes out, read in the worker from the words the rep's own choice showed
 * in Gmail's schedule-send menu ("Tomorrow morning · Dec 6, 8:00 AM") or date picker ("Dec 6,
 * 2026" "8:00 AM"), in Gmail's UI language. The content script only hands the words over (its
 * size); the reading is here, with the browser's Intl names for that language: month names, the
 * AM/PM markers, "today" and "tomorrow", and the order of a numeric date. The time is the rep's
 * local time, the worker's own time zone. Null when the words name no time we can be sure of.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const clean = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ');

const word = (text: string) => clean(text).replace(/\.$/, '');

function monthNames(lang: string): [string, number][] {
  const names: [string, number][] = [];
  for (let month = 0; month < 12; month++) {
    const date = new Date(2000, month, 15);
    for (const style of ['long', 'short'] as const) {
      names.push([word(new Intl.DateTimeFormat(lang, { month: style }).format(date)), month]);
      const parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: style }).formatToParts(
        date,
      );
      const inDate = parts.find((part) => part.type === 'month')?.value;
      if (inDate) names.push([word(inDate), month]);
    }
  }
  return names.filter(([name]) => name.length > 1).sort((a, b) => b[0].length - a[0].length);
}

function dayPeriod(lang: string, hour: number): string {
  const parts = new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true }).formatToParts(
    new Date(2000, 0, 1, hour),
  );
  return word(parts.find((part) => part.type === 'dayPeriod')?.value ?? '');
}

/** The order of day, month and year in this language's numeric dates ("dmy", "mdy", "ymd"). */
function numericOrder(lang: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date(2000, 10, 22))
    .map((part) => part.type[0])
    .filter((letter) => letter === 'd' || letter === 'm' || letter === 'y')
    .join('');
}

/** The language as Intl knows it, else English (a tag Intl refuses is junk, not a language). */
function supported(lang: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Epoch ms of the scheduled time the words name, or null. `now`: epoch ms. */
export function readScheduledTime(text: string, lang: string, now: number): number | null {
  let words = clean(text);
  const locale = supported(lang);

  const time = /(\d{1,2})[:.h](\d{2})/.exec(words) ?? /(\d{1,2}) ?(am|pm)\b/.exec(words);
  if (!time) return null;
  let hour = Number(time[1]);
  const minute = /^\d+$/.test(time[2] ?? '') ? Number(time[2]) : 0;
  words = words.replace(time[0], ' ');
  const pm = [dayPeriod(locale, 15), 'pm'].filter(Boolean);
  const am = [dayPeriod(locale, 3), 'am'].filter(Boolean);
  if (hour < 12 && pm.some((marker) => words.includes(marker) || time[2] === marker)) hour += 12;
  else if (hour === 12 && am.some((marker) => words.includes(marker) || time[2] === marker)) {
    hour = 0;
  }
  if (hour > 23 || minute > 59) return null;

  const today = new Date(now);
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;

  const numeric = /(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})/.exec(words);
  if (numeric) {
    const order = numericOrder(locale);
    const values = [numeric[1], numeric[2], numeric[3]].map(Number);
    const at = (letter: string) => values[order.indexOf(letter)]!;
    [year, month, day] = [at('y'), at('m') - 1, at('d')];
  } else {
    // Whole words only: "mai" (May) is in "demain matin".
    const tokens = words.split(/[\s,]+/).map(word);
    const named = monthNames(locale).find(([name]) => tokens.includes(name));
    if (named) {
      month = named[1];
      words = tokens.filter((token) => token !== named[0]).join(' ');
      const yearMatch = /\b(\d{4})\b/.exec(words);
      if (yearMatch) {
        year = Number(yearMatch[1]);
        words = words.replace(yearMatch[0], ' ');
      }
      const dayMatch = /\b(\d{1,2})\b/.exec(words);
      day = dayMatch ? Number(dayMatch[1]) : null;
    } else {
      const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const offset = [1, 0].find((days) => words.includes(clean(relative.format(days, 'day'))));
      if (offset === undefined) return null;
      const date = new Date(now + offset * DAY_MS);
      [year, month, day] = [date.getFullYear(), date.getMonth(), date.getDate()];
    }
  }
  if (month === null || day === null || month < 0 || month > 11 || day < 1 || day > 31) {
    return null;
  }

  const make = (y: number) => {
    const date = new Date(y, month, day, hour, minute);
    return date.getMonth() === month && date.getDate() === day ? date.getTime() : null;
  };
  if (year !== null) return make(year < 100 ? 2000 + year : year);
  // No year: the next such day from now (a schedule is never in the past).
  for (const y of [today.getFullYear(), today.getFullYear() + 1]) {
    const at = make(y);
    if (at !== null && at > now - DAY_MS) return at;
  }
  return null;
}
