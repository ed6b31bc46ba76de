/**
 * While Gmail can still undo a send, the promise the compose made ("Logs for …") stays in view
 * where the compose was: what Vivre will log, then that it did, or that the Undo means it won't.
 */
import { Words } from './Words';

/** A held send as the rep sees it: held, then logged, undone, or not logged and why. */
export type HeldSendView =
  | { state: 'held'; whom: string[] | null }
  | { state: 'logged'; whom: string[] | null }
  | { state: 'undone' }
  | { state: 'failed'; message: string };

const names = (whom: string[] | null) => (whom && whom.length > 0 ? whom.join(', ') : null);

export function heldSendText(view: HeldSendView): string {
  switch (view.state) {
    case 'held': {
      const who = names(view.whom);
      return who
        ? `Vivre will log this email for ${who} once Gmail has sent it.`
        : 'Vivre will log this email for its Vivre contacts once Gmail has sent it.';
    }
    case 'logged': {
      const who = names(view.whom);
      return who ? `Vivre logged this email for ${who}.` : 'Vivre logged this email.';
    }
    case 'undone':
      return 'Sending undone: Vivre logged nothing.';
    case 'failed':
      return `Vivre: ${view.message}`;
  }
}

export function HeldSendLine({ view }: { view: HeldSendView }) {
  return (
    <span class={view.state === 'failed' ? 'line error' : 'line'} role="status" aria-live="polite">
      <Words text={heldSendText(view)} />
    </span>
  );
}
