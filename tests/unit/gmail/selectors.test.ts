import { describe, expect, it } from 'vitest';
import * as selectors from '@/content/gmail/selectors';

const fallbackLists = Object.entries(selectors).filter(
  (entry): entry is [string, selectors.SelectorFallbacks] => Array.isArray(entry[1]),
);

describe('selectors.ts', () => {
  it.each(fallbackLists)(
    '%s is dated, newest first, ending in an attribute-only fallback',
    (_, list) => {
      const dated = list.filter((s) => s.seen !== 'stable').map((s) => s.seen);
      expect(dated).toEqual([...dated].sort().reverse());
      expect(dated.every((seen) => /^\d{4}(-\d{2})?$/.test(seen))).toBe(true);
      const last = list.at(-1)!;
      expect(last.seen).toBe('stable');
      expect(last.selector).not.toMatch(/\.[a-zA-Z]/); // no class name in the last resort
    },
  );
});
