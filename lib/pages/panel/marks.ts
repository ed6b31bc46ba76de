/**
 * The panel's performance marks, named once: set by ./services.ts, read by bench/panel.ts (which
 * imports this file alone, outside a browser).
 */
export const PANEL_MARKS = {
  /** The followed tab's people drawn with their answers, the first time. */
  'first-drawn': 'vivre-panel-first-drawn',
  /** Drawn again for another thread or tab. */
  redrawn: 'vivre-panel-redrawn',
} as const;
