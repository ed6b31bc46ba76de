/**
 * The extension events' add/remove pair as one call torn down by an AbortSignal, like the DOM's
 * `addEventListener(…, { signal })`: `browser.tabs.onActivated` and its kind have no `signal`, and
 * a listener left behind keeps a closed panel's page answering.
 */
interface ExtensionEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export function listenUntil<Listener>(
  signal: AbortSignal,
  event: ExtensionEvent<Listener>,
  listener: Listener,
): void {
  if (signal.aborted) return;
  event.addListener(listener);
  signal.addEventListener('abort', () => event.removeListener(listener), { once: true });
}
