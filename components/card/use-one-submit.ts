/**
 * One press, one write, for the card's forms: while a submit is on its way, another press (a
 * double click, Ctrl+Enter then Enter) does nothing, and `saving` says so to the Save button.
 * The guard is a ref, not the state: two presses in one tick would both see `saving` false.
 */
import { useRef, useState } from 'preact/hooks';

export function useOneSubmit() {
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  return {
    saving,
    /** Runs `send` unless a submit is already on its way (check the form before: a refused one holds nothing). */
    async run(send: () => Promise<void>): Promise<void> {
      if (inFlight.current) return;
      inFlight.current = true;
      setSaving(true);
      try {
        await send();
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
  };
}

/** Ctrl+Enter (Cmd+Enter on a Mac) submits, as in the popup. */
export const isSubmitKey = (event: KeyboardEvent) =>
  event.key === 'Enter' && (event.ctrlKey || event.metaKey);
