/**
 * Where the always-loaded Gmail content script and the email-logging script meet. The email-logging
 * controls (with Preact) are a second content script the worker injects into this frame only once
 * a compose or an expanded message is there (./on-demand.ts), so every Gmail tab loads less.
 * Both run in the extension's isolated world of the same frame and share its `globalThis`, which
 * page script cannot reach; the key is a symbol, so nothing of ours is named on any global.
 * The bridge hands over what logging shares with the chips (the lifetime, `ask`, the lookup
 * store, the watcher of what comes near the viewport) and takes back the started logging, whose
 * `scan` rides on the chips' one page watcher.
 */
import type { Ask } from '../../shared/messaging/messenger';
import type { LookupStore } from '../lookups/lookup-store';
import type { WatchNearViewport } from '../near-viewport';

/** What the chips call on the started logging (start-email-logging.ts returns more). */
export interface LoadedEmailLogging {
  scan(): void;
  navigated(): void;
}

export interface EmailLoggingBridge {
  options: {
    document: Document;
    signal: AbortSignal;
    ask: Ask;
    store: LookupStore;
    watchNear: WatchNearViewport;
  };
  attach(logging: LoadedEmailLogging): void;
}

const KEY = Symbol.for('vivre-for-gmail.email-logging');

type WithBridge = typeof globalThis & { [KEY]?: EmailLoggingBridge };

export function offerBridge(bridge: EmailLoggingBridge): void {
  (globalThis as WithBridge)[KEY] = bridge;
}

/** The bridge, once: a second injection into the same frame finds none and starts nothing. */
export function takeBridge(): EmailLoggingBridge | undefined {
  const scope = globalThis as WithBridge;
  const bridge = scope[KEY];
  delete scope[KEY];
  return bridge;
}
