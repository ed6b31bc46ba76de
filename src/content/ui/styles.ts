/**
 * The chip's CSS, injected into each chip's shadow root as a <style> element. `all: initial`
 * stops Gmail's inherited styles coming in; the shadow root stops ours going out. The host's
 * `data-theme` (set from Gmail's own background) picks light or dark. The card's CSS is the
 * card page's own (src/entrypoints/card/style.css).
 */
export const CHIP_CSS = `
:host {
  all: initial;
  display: inline-block;
  vertical-align: middle;
  margin: 0 4px;
  font: 12px/1.4 'Google Sans', Roboto, system-ui, sans-serif;
  --fg: #1f1f1f; --line: #dadce0; --accent: #0b57d0; --muted: #5f6368;
  --hot: #c5221f; --warm: #975300; --cold: #0b57d0; --chip: #f1f3f4;
  color: var(--fg);
}
:host([data-theme='dark']) {
  --fg: #e8eaed; --line: #5f6368; --accent: #a8c7fa; --muted: #bdc1c6;
  --hot: #f6aea9; --warm: #fdd663; --cold: #8ab4f8; --chip: #3c4043;
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--chip); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.chip { display: inline-flex; align-items: center; min-width: 20px; height: 18px; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; line-height: 1; }
.face.loading { width: 8px; height: 8px; border-radius: 50%; background: var(--line); }
.face.add { color: var(--accent); }
.face.error { color: var(--muted); }
.face.skipped { width: 6px; height: 6px; border-radius: 50%; background: var(--line); }
.score { font-weight: 700; }
.band-hot { color: var(--hot); }
.band-warm { color: var(--warm); }
.band-cold { color: var(--cold); }
`;
