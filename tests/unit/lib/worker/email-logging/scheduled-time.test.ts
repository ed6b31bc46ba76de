import { describe, expect, it } from 'vitest';
import { readScheduledTime } from '@/lib/worker/email-logging/scheduled-time';

// Thursday 5 December 2026, 14:00 in the worker's own time zone.
const NOW = new Date(2026, 11, 5, 14, 0).getTime();
const at = (y: number, m: number, d: number, h: number, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime();

describe('readScheduledTime: the words of the rep’s choice, in Gmail’s language', () => {
  it.each([
    ['Tomorrow morning Dec 6, 8:00 AM', 'en', at(2026, 12, 6, 8)],
    ['Monday morning Dec 8, 8:00\u202fAM', 'en', at(2026, 12, 8, 8)],
    ['Dec 11, 2026 1:30 PM', 'en', at(2026, 12, 11, 13, 30)],
    ['Jan 2, 12:15 AM', 'en', at(2027, 1, 2, 0, 15)],
    ['12/24/2026 9:00 AM', 'en-US', at(2026, 12, 24, 9)],
    ['24/12/2026 09:00', 'en-GB', at(2026, 12, 24, 9)],
    ['Demain matin 6 déc., 08:00', 'fr', at(2026, 12, 6, 8)],
    ['Morgen früh 6. Dez., 08:00', 'de', at(2026, 12, 6, 8)],
    ['tomorrow, 9:00 AM', 'en', at(2026, 12, 6, 9)],
    ['Tomorrow morning\nDec 6, 8:00 AM', '', at(2026, 12, 6, 8)],
    ['Dec 6, 8:00 AM', 'not a language!', at(2026, 12, 6, 8)],
  ])('%j (%s)', (text, lang, expected) => {
    expect(readScheduledTime(text, lang, NOW)).toBe(expected);
  });

  it.each([
    ['Pick date & time', 'en'],
    ['Schedule send', 'en'],
    ['Dec 32, 8:00 AM', 'en'],
    ['Dec 6, 25:00', 'en'],
    ['', 'en'],
  ])('names no time: %j', (text, lang) => {
    expect(readScheduledTime(text, lang, NOW)).toBeNull();
  });
});
