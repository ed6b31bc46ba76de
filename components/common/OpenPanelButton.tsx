/**
 * "Open in panel", in the popup's header and on the card: keeps Vivre open beside the email.
 * A browser that will not open it from here gets one sentence with the way that always works.
 */
import { useState } from 'preact/hooks';

export const PANEL_SHORTCUT = 'Alt+Shift+S';
export const PANEL_NOT_OPENED = `Your browser didn’t open the panel from here: press ${PANEL_SHORTCUT} (or the shortcut you set for Vivre) instead.`;

export function OpenPanelButton({
  open,
  className,
}: {
  /** Resolves false when the browser did not open it. */
  open: () => Promise<boolean>;
  className?: string;
}) {
  const [refused, setRefused] = useState(false);
  return (
    <>
      <button
        type="button"
        class={className}
        title={`Keep Vivre open beside your email (${PANEL_SHORTCUT})`}
        onClick={() => void open().then((opened) => setRefused(!opened))}
      >
        Open in panel
      </button>
      {refused && (
        <p class="bad" role="alert">
          {PANEL_NOT_OPENED}
        </p>
      )}
    </>
  );
}
