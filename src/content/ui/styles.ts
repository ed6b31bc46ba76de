/**
 * The chip's and card's CSS, injected into each shadow root as a <style> element.
 * `all: initial` stops Gmail's inherited styles coming in; the shadow root stops
 * ours going out. The host's `data-theme` (set from Gmail's own background) picks
 * light or dark.
 */
export const CHIP_CSS = `
:host {
  all: initial;
  display: inline-block;
  vertical-align: middle;
  margin: 0 4px;
  font: 12px/1.4 'Google Sans', Roboto, system-ui, sans-serif;
  --bg: #fff; --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0;
  --bad: #b3261e; --hot: #c5221f; --warm: #975300; --cold: #0b57d0; --chip: #f1f3f4;
  color: var(--fg);
}
:host([data-theme='dark']) {
  --bg: #2d2e30; --fg: #e8eaed; --muted: #bdc1c6; --line: #5f6368; --accent: #a8c7fa;
  --bad: #f2b8b5; --hot: #f6aea9; --warm: #fdd663; --cold: #8ab4f8; --chip: #3c4043;
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
button, input, select, textarea { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: var(--chip); border-radius: 12px; padding: 2px 10px; }
button:disabled { cursor: not-allowed; opacity: .6; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, .card:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 1px;
}
.chip { display: inline-flex; align-items: center; min-width: 20px; height: 18px; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; line-height: 1; }
.face.loading { width: 8px; height: 8px; border-radius: 50%; background: var(--line); }
.face.add { color: var(--accent); }
.face.error { color: var(--muted); }
.face.skipped { width: 6px; height: 6px; border-radius: 50%; background: var(--line); }
.score { font-weight: 700; }
.band-hot { color: var(--hot); }
.band-warm { color: var(--warm); }
.band-cold { color: var(--cold); }
.card {
  position: fixed; z-index: 2147483000; width: 320px; max-height: min(480px, calc(100vh - 16px)); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.24); padding: 12px 14px; text-align: left; white-space: normal;
}
.card-head { display: flex; align-items: start; justify-content: space-between; gap: 8px; }
h2 { margin: 0; font-size: 15px; font-weight: 600; overflow-wrap: anywhere; }
h3 { margin: 10px 0 4px; font-size: 12px; font-weight: 600; color: var(--muted); }
p { margin: 6px 0; overflow-wrap: anywhere; }
.close { border: none; background: none; font-size: 18px; padding: 0 4px; line-height: 1; }
.sub { display: flex; flex-wrap: wrap; gap: 8px; color: var(--muted); }
.facts { display: flex; gap: 24px; margin: 8px 0; }
.facts dt { color: var(--muted); font-size: 11px; }
.facts dd { margin: 0; }
.muted { color: var(--muted); }
.list { list-style: none; margin: 0; padding: 0; }
.list li { display: flex; flex-wrap: wrap; gap: 6px; padding: 3px 0; border-top: 1px solid var(--line); }
.list .title { font-weight: 500; overflow-wrap: anywhere; }
.list .note { flex-basis: 100%; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.section { margin-top: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.primary { background: var(--accent); color: var(--bg); border-color: var(--accent); }
.field { display: flex; flex-direction: column; gap: 2px; margin-top: 6px; }
.field span { color: var(--muted); font-size: 11px; }
input, select, textarea { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px 6px; width: 100%; }
textarea { resize: vertical; }
[aria-invalid='true'] { border-color: var(--bad); }
.field-error, .bad { color: var(--bad); }
.field .field-error { color: var(--bad); font-size: 11px; }
.notice { margin-top: 6px; }
.progress { font-weight: 500; }
.open-link { display: inline-block; margin-top: 10px; color: var(--accent); }
`;
