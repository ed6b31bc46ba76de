import { describe, expect, it } from 'vitest';
import { buildEmailNote, excerptOf } from '@/lib/worker/email-logging/email-note';
import { MAX_NOTE_LENGTH } from '@/lib/shared/vivre/contract';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('the logged note', () => {
  it('is the subject, a blank line, then the excerpt', () => {
    expect(buildEmailNote('PO-4472', 'Hi Sneha,\n\nQuantities below.', 500)).toBe(
      'PO-4472\n\nHi Sneha,\n\nQuantities below.',
    );
  });

  it('keeps at most the configured number of body characters, marked as cut', () => {
    const body = words(400);
    for (const length of [500, 120, 37]) {
      const excerpt = excerptOf(body, length);
      expect(excerpt.length).toBeLessThanOrEqual(length);
      expect(excerpt.length).toBeGreaterThan(length * 0.75);
      expect(excerpt.endsWith('…')).toBe(true);
      expect(body.startsWith(excerpt.slice(0, -1))).toBe(true);
    }
    expect(buildEmailNote('S', body, 500)).toHaveLength(
      'S\n\n'.length + excerptOf(body, 500).length,
    );
  });

  it('keeps a short body whole, and only the subject with an excerpt length of 0', () => {
    expect(excerptOf('Short.', 500)).toBe('Short.');
    expect(buildEmailNote('Subject only', 'Body', 0)).toBe('Subject only');
  });

  it('names a missing subject and tidies whitespace', () => {
    expect(buildEmailNote('  ', 'a   b\n\n\n\nc', 500)).toBe('(no subject)\n\na b\n\nc');
  });

  it('stays within what the API accepts', () => {
    expect(buildEmailNote('x'.repeat(20_000), 'y', 500).length).toBe(MAX_NOTE_LENGTH);
  });
});
