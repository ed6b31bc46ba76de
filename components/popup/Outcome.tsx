/** What became of the last log, named, so it never reads as the fate of the next one. */
export type OutcomeState =
  | { tone: 'ok'; state: 'waiting' | 'synced'; what: string }
  | { tone: 'error'; text: string }
  | null;

export function Outcome({ outcome }: { outcome: OutcomeState }) {
  return (
    <p role="status" class={`outcome ${outcome?.tone ?? ''}`}>
      {outcome?.tone === 'ok' ? (
        <>
          <strong>{outcome.state === 'synced' ? 'Synced' : 'Saved — will sync'}</strong>
          <span class="muted"> · {outcome.what}</span>
        </>
      ) : (
        outcome?.text
      )}
    </p>
  );
}
