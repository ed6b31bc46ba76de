// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectTheme } from '@/content/gmail/theme';

afterEach(() => {
  document.body.style.backgroundColor = '';
  vi.restoreAllMocks();
});

describe('detectTheme', () => {
  it('follows Gmail’s page background', () => {
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    expect(detectTheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(246, 248, 252)';
    expect(detectTheme(document)).toBe('light');
  });

  it('falls back to the system preference when the body is transparent', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    expect(detectTheme(document)).toBe('dark');
  });
});
