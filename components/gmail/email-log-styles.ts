/**
 * CSS for the compose toggle and the per-message button, injected into their shadow roots. Kept
 * short (the content script's budget); colours and font come from the design tokens and follow
 * the host's `data-theme` like the chips. The host's declarations are important, so nothing
 * Gmail's page sets on the host (opacity, a transform, a colour) applies to these controls.
 */
import { HOST_FONT, hostColorCss } from '../common/design/tokens';
import { WORDS_CSS } from './words-css';

export const EMAIL_LOG_CSS = `${hostColorCss({
  fg: 'on-surface',
  muted: 'on-surface-variant',
  accent: 'primary-text',
  bad: 'error',
  line: 'outline',
  bg: 'surface',
})}
:host { all: initial !important; display: inline-flex !important; gap: 6px !important; align-items: center !important; margin: 0 8px !important; font: ${HOST_FONT} !important; color: var(--fg) !important; }
/* The host's flex items are the root's children: lay out the controls, not their one container. */
.vivre-root { display: contents; }
label { display: inline-flex; gap: 4px; align-items: center; font-weight: 500; cursor: pointer; }
.who, .whom { color: var(--muted); max-width: 420px; }
.none, .error { color: var(--bad); }
button { font: inherit; color: var(--accent); background: none; border: 1px solid var(--line); border-radius: 12px; padding: 1px 10px; cursor: pointer; }
select { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 4px; padding: 0 2px; max-width: 220px; }
.deal { font-weight: 400; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
${WORDS_CSS}
`;

/** The held send's line: a small card above Gmail's "Message sent" notice, bottom left. */
export const HELD_SEND_CSS = `${EMAIL_LOG_CSS}
:host { position: fixed !important; left: 24px !important; bottom: 80px !important; z-index: 2147482000 !important; margin: 0 !important; padding: 6px 12px !important; border-radius: 8px !important; background: var(--bg) !important; box-shadow: 0 1px 3px rgba(60, 64, 67, .3) !important; }
`;
