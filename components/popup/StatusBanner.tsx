import type { Situation } from './situation';

/** The situation's one sentence, with the one thing the rep can do about it. */
export function StatusBanner({
  situation,
  openOptions,
  retryNow,
}: {
  situation: Situation;
  openOptions: () => void;
  retryNow: () => void;
}) {
  if (!situation.banner) return null;
  return (
    <p class={`banner${situation.disabledReason ? ' error' : ''}`} role="alert">
      <span>{situation.banner}</span>
      {situation.needsOptions ? (
        <button type="button" class="link" onClick={openOptions}>
          Open Options
        </button>
      ) : situation.canRetry ? (
        <button type="button" class="link" onClick={retryNow}>
          Try now
        </button>
      ) : null}
    </p>
  );
}
