/**
 * CSS for the compose toggle and the per-message button, injected into their shadow roots. Kept
 * short (the content script's budget); colours and font come from the design tokens and follow
 * the host's `data-theme` like the chips.
 */
import { HOST_FONT, hostColorCss } from '../common/design/tokens';

export const EMAIL_LOG_CSS = `${hostColorCss({
  fg: 'on-surface',
  muted: 'on-surface-variant',
  accent: 'primary-text',
  bad: 'error',
  line: 'outline',
  bg: 'surface',
})}
:host { all: initial; display: inline-flex; gap: 6px; align-items: center; margin: 0 8px; font: ${HOST_FONT}; color: var(--fg); }
/* The host's flex items are the root's children: lay out the controls, not their one container. */
.vivre-root { display: contents; }
label { display: inline-flex; gap: 4px; align-items: center; font-weight: 500; cursor: pointer; }
.who, .whom { color: var(--muted); max-width: 420px; }
.none, .error { color: var(--bad); }
button { font: inherit; color: var(--accent); background: none; border: 1px solid var(--line); border-radius: 12px; padding: 1px 10px; cursor: pointer; }
select { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 4px; padding: 0 2px; max-width: 220px; }
.deal { font-weight: 400; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;

/** The held send's line: a small card above Gmail's "Message sent" notice, bottom left. */
export const HELD_SEND_CSS = `${EMAIL_LOG_CSS}
:host { position: fixed; left: 24px; bottom: 80px; z-index: 2147482000; margin: 0; padding: 6px 12px; border-radius: 8px; background: var(--bg); box-shadow: 0 1px 3px rgba(60, 64, 67, .3); }
`;
