import { describe, expect, it } from 'vitest';
import { formatPaise, timeAgo } from '@/lib/shared/labels';
import { guessCompany, guessName } from '@/components/card/prefill-contact';
import { scoreBand } from '@/lib/shared/score-band';

describe('formatPaise', () => {
  it('formats paise as Indian rupees', () => {
    expect(formatPaise(650000)).toBe('₹6,500.00');
    expect(formatPaise(1_50_00_000_00)).toBe('₹1,50,00,000.00');
    expect(formatPaise(5)).toBe('₹0.05');
  });
});

describe('timeAgo', () => {
  it('speaks in short units', () => {
    const now = 10 * 86_400_000;
    expect(timeAgo(now - 20_000, now)).toBe('just now');
    expect(timeAgo(now - 12 * 60_000, now)).toBe('12 min ago');
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(timeAgo(now - 2 * 86_400_000, now)).toBe('2 d ago');
  });
});

describe('scoreBand', () => {
  // Three bands with edges at 40 and 70: each band from its lowest score to its highest.
  it.each([
    ['cold', 0, 39],
    ['warm', 40, 69],
    ['hot', 70, 100],
  ])('%s runs from %i to %i', (band, lowest, highest) => {
    expect([lowest, highest].map(scoreBand)).toEqual([band, band]);
  });
});

describe('Add to Vivre guesses', () => {
  it('guesses the company from the domain', () => {
    expect(guessCompany('ananya.iyer@bluestone.example')).toBe('Bluestone');
    expect(guessCompany('deepa@kiran-logistics.example')).toBe('Kiran Logistics');
    expect(guessCompany('ravi@tatasteel.co.in')).toBe('Tatasteel');
    expect(guessCompany('someone@gmail.com')).toBe('');
  });

  it('prefers the display name, else makes one from the local part', () => {
    expect(guessName('a@b.example', 'Ananya Iyer')).toBe('Ananya Iyer');
    expect(guessName('arjun.patel@bluestone.example', 'arjun.patel@bluestone.example')).toBe(
      'Arjun Patel',
    );
    expect(guessName('procurement-team@bluestone.example', null)).toBe('Procurement Team');
  });
});
