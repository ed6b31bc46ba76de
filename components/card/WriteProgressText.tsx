/** Says where a write stands, and only what is true: "Synced" only once the server has it. */
import type { WriteProgress } from '../common/view-types';

const WORDS = {
  sending: 'Saving…',
  waiting: 'Saved — will sync',
  synced: 'Synced',
} as const;

export function WriteProgressText({ progress }: { progress: WriteProgress | null }) {
  if (!progress) return null;
  const text =
    progress.state === 'attention'
      ? `Needs attention: ${progress.error.message}`
      : progress.state === 'failed'
        ? `Not saved: ${progress.error.message}`
        : WORDS[progress.state];
  const bad = progress.state === 'attention' || progress.state === 'failed';
  return (
    <p class={bad ? 'progress bad' : 'progress'} role={bad ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
