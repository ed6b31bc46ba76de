/**
 * Work that follows a page change but draws no chip (email logging's controls, the panel's
 * feed) runs once the browser is idle, however many changes asked for it meanwhile: in the task
 * that draws a new tab's chips it cost twice what the chips did, and the chips waited for it.
 */
export function idleOnce(
  run: () => void,
  { timeout, signal }: { timeout: number; signal: AbortSignal },
): () => void {
  let pending = false;
  const fire = () => {
    pending = false;
    if (!signal.aborted) run();
  };
  return () => {
    if (pending || signal.aborted) return;
    pending = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fire, { timeout });
    else setTimeout(fire, 0);
  };
}
