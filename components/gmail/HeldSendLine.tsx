/**
 * While Gmail can still undo a send, the promise the compose made ("Logs for …") stays in view
 * where the compose was: what Vivre will log, then that it did, or that the Undo means it won't.
 */
import { Words } from './Words';

/** A held send as the rep sees it: held, then logged, undone, or not logged and why. */
export type HeldSendView =
  | { state: 'held'; whom: string[] | null }
  | { state: 'scheduled'; at: number }
  | { state: 'logged'; whom: string[] | null }
  | { state: 'undone' }
  | { state: 'failed'; message: string };

const names = (whom: string[] | null) => (whom && whom.length > 0 ? whom.join(', ') : null);

/** "Fri 9:00 AM" within the week, else with the date ("Mon, Jan 12, 9:00 AM"), in the rep's locale. */
export function scheduledTime(at: number, now = Date.now()): string {
  const withinWeek = at - now < 6 * 24 * 60 * 60 * 1000;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    ...(withinWeek ? {} : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

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
    case 'scheduled':
      return `Vivre will log this email on ${scheduledTime(view.at)}.`;
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
