/**
 * Writes belong to their connection. Each write is stamped at enqueue with the saved
 * connection (base URL, workspace, key fingerprint); it is only ever sent, or read back,
 * over that connection: the saved one if it still matches, or one whose key the rep entered
 * again for it (`hold`). Anything else throws `WrongConnectionError` before a byte is sent
 * and the outbox parks the write for the rep ("Queued for workspace ws_demo").
 *
 * A re-entered key is held in this worker's memory only, never written anywhere: if the
 * worker stops first, its writes park again and the rep enters it again.
 */
import { sameConnection, type ConnectionStamp, type Deliver, type ReadBack } from './';
import { stampOf } from '../settings/key-fingerprint';
import type { Settings } from '../settings/settings';
import type { VivreClient } from '../vivre/client';
import { createDeliver, type OnDelivered } from '../vivre/deliver';
import { VivreError, WrongConnectionError } from '../vivre/errors';
import type { Credentials } from '../vivre/http';
import { createReadBack } from '../vivre/read-back';

export interface ConnectionDeps {
  settings: Pick<Settings, 'getCredentials'>;
  /** A client bound to these credentials; `saved` ones report to the connection state. */
  clientFor: (credentials: Credentials, saved: boolean) => VivreClient;
  onDelivered?: OnDelivered;
}

export function createOutboxConnections({ settings, clientFor, onDelivered }: ConnectionDeps) {
  const held: { stamp: ConnectionStamp; credentials: Credentials }[] = [];

  /** The client for `stamp`, bound to checked credentials (a settings change mid-request cannot redirect it). */
  async function clientForStamp(stamp: ConnectionStamp | undefined) {
    const saved = await settings.getCredentials();
    if (!stamp || sameConnection(await stampOf(saved), stamp)) {
      return { client: clientFor(saved, true), heldKey: false };
    }
    const entry = held.find((h) => sameConnection(h.stamp, stamp));
    if (!entry) throw new WrongConnectionError();
    return { client: clientFor(entry.credentials, false), heldKey: true };
  }

  /** A refused re-entered key is forgotten, and its write parks again (not the whole outbox). */
  async function using<T>(
    stamp: ConnectionStamp | undefined,
    call: (c: VivreClient, heldKey: boolean) => Promise<T>,
  ) {
    const { client, heldKey } = await clientForStamp(stamp);
    try {
      return await call(client, heldKey);
    } catch (error) {
      if (heldKey && error instanceof VivreError && error.kind === 'unauthorized') {
        held.splice(
          held.findIndex((h) => sameConnection(h.stamp, stamp!)),
          1,
        );
        throw new WrongConnectionError();
      }
      throw error;
    }
  }

  // What another workspace answered never reaches the contact cache, which is the saved one's.
  const deliver: Deliver = (write, key, signal, stamp) =>
    using(stamp, (client, heldKey) =>
      createDeliver(client, heldKey ? undefined : onDelivered)(write, key, signal),
    );

  const readBack: ReadBack = (write, since, signal, stamp) =>
    using(stamp, (client) => createReadBack(client)(write, since, signal));

  return {
    deliver,
    readBack,
    /** The saved connection's stamp, for each new write; null while none is set. */
    async current(): Promise<ConnectionStamp | null> {
      try {
        return await stampOf(await settings.getCredentials());
      } catch {
        return null;
      }
    },
    /**
     * The rep entered `apiKey` for writes made for `stamp`'s workspace. They go to that base
     * URL with that workspace's header only; Vivre refuses a key of another workspace (401),
     * and the writes park again.
     */
    hold(stamp: ConnectionStamp, apiKey: string): void {
      const index = held.findIndex((h) => sameConnection(h.stamp, stamp));
      if (index !== -1) held.splice(index, 1);
      held.push({
        stamp,
        credentials: { baseUrl: stamp.baseUrl, workspaceId: stamp.workspaceId, apiKey },
      });
    },
  };
}
