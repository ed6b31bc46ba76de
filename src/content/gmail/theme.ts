/**
 * Light or dark, following Gmail: its theme paints the page background, so the
 * body's computed colour says which. When the body is transparent, the OS
 * preference is the best remaining guess.
 */
export type Theme = 'light' | 'dark';

export function detectTheme(doc: Document): Theme {
  const view = doc.defaultView;
  const colour = doc.body && view?.getComputedStyle(doc.body).backgroundColor;
  const [r, g, b, alpha = 1] = colour?.match(/[\d.]+/g)?.map(Number) ?? [];
  if (r !== undefined && g !== undefined && b !== undefined && alpha > 0) {
    const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    return luminance < 0.5 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
