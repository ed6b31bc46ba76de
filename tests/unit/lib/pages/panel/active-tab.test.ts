/**
 * The tab the panel follows: the active one of its window; when the panel is itself a tab (and so
 * the active one as it opens), the one the rep was on last; never itself.
 */
import { describe, expect, it } from 'vitest';
import { tabToFollow } from '@/lib/pages/panel/active-tab';

describe('the tab the panel follows', () => {
  it("is the window's active tab", () => {
    expect(tabToFollow([{ id: 1 }, { id: 2, active: true }, { id: 3 }], undefined)).toBe(2);
  });

  it('is the tab used last when the panel itself is the active tab', () => {
    const tabs = [
      { id: 1, lastAccessed: 100 },
      { id: 2, lastAccessed: 300 },
      { id: 9, active: true, lastAccessed: 400 },
      { id: 3, lastAccessed: 200 },
    ];
    expect(tabToFollow(tabs, 9)).toBe(2);
  });

  it('is no tab when the panel is alone in its window', () => {
    expect(tabToFollow([{ id: 9, active: true }], 9)).toBeNull();
  });
});
