import { describe, expect, it } from 'vitest';
import { parseRupeesToPaise } from '@/lib/shared/forms/money';
import { formatPaise } from '@/lib/shared/labels';

describe('parseRupeesToPaise', () => {
  it.each([
    ['1500', 150_000],
    ['1,500.50', 150_050],
    ['15,00,000', 150_000_000],
    ['1,500,000', 150_000_000],
    ['₹ 2,000', 200_000],
    ['0', 0],
    ['1.15', 115],
    ['0.5', 50],
    ['  42  ', 4200],
    ['1000000000', 100_000_000_000],
  ])('reads %j as %i paise', (input, paise) => {
    expect(parseRupeesToPaise(input)).toEqual({ ok: true, value: paise });
  });

  it.each([
    ['abc', /rupees/],
    ['-5', /negative/],
    ['1e99', /rupees/],
    ['1.234', /two decimals/],
    ['1,2,3', /rupees/],
    ['12abc', /rupees/],
    ['', /rupees/],
    ['1000000000.01', /100 crore/],
    ['99999999999999999999', /100 crore/],
    ['Infinity', /rupees/],
  ])('refuses %j with a message', (input, message) => {
    const result = parseRupeesToPaise(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('formatPaise', () => {
  it('formats paise as Indian rupees', () => {
    expect(formatPaise(650_000)).toBe('₹6,500.00');
  });
});
