import type { Ask } from '../../lib/shared/messaging/messenger';
import type { WriteRequest } from '../../lib/shared/messaging/protocol';
import type { FromCard, ToCard } from '../../lib/shared/card-channel';
import type { WriteProgress } from '../common/view-types';

/** Everything the card does outside itself, passed in so its components hold no I/O. */
export interface CardServices {
  /** The worker, asked as an extension page (lib/worker/router.ts). */
  ask: Ask;
  /**
   * Enqueues a write and reports its progress until it settles or `signal` aborts. Resolves
   * true once the worker has the write; false when it was not taken (the card keeps the note).
   */
  sendWrite(
    write: WriteRequest,
    onProgress: (progress: WriteProgress) => void,
    signal: AbortSignal,
  ): Promise<boolean>;
  /** The content script that placed this card (lib/shared/card-channel.ts). */
  gmail: {
    /** Calls `listener` with each checked message; returns the way to stop. */
    listen(listener: (message: ToCard) => void): () => void;
    send(message: FromCard): void;
  };
  /**
   * Calls back each time Vivre may be reachable again (the worker heard from it, or the browser
   * is back online), until `signal` aborts.
   */
  onReconnect(signal: AbortSignal, callback: () => void): void;
  /** The card is usable for its person (the open-to-interactive benchmark reads it). */
  markInteractive(): void;
  /**
   * Calls `listener` with whether Gmail's page hides, covers or changes the card, during which
   * it takes no clicks (lib/pages/card/input-guard.ts); returns the way to stop.
   */
  watchInterference?(listener: (interfered: boolean) => void): () => void;
  /**
   * Opens the panel beside the email, within the rep's click; absent where the browser cannot
   * open it from a framed page (Firefox gives the card only a content script's APIs).
   */
  openPanel?: (() => Promise<boolean>) | undefined;
}
