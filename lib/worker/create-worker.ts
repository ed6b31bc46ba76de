/**
 * Builds the worker's pieces and connects them: settings → HTTP → client →
 * lookups and outbox, with the badge, the wake-up alarm and the connection state
 * fed from what happens. The entrypoint only registers listeners around this.
 */
import { openContactCache } from './lookups/cache';
import { createLookups } from './lookups/lookups';
import {
  createOutbox,
  type Outbox,
  type OutboxCounts,
  type OutboxItem,
  type OutboxOptions,
} from './outbox';
import { privacyItem } from '../shared/storage/items';
import { createSettings, type SettingsDeps } from './settings/settings';
import { createVivreClient } from './vivre/client';
import { Contact } from '../shared/vivre/contract';
import type { OnDelivered } from './vivre/deliver';
import type { VivreError } from './vivre/errors';
import { createHttp, type Credentials } from './vivre/http';
import { createOutboxConnections } from './outbox/connections';
import { createRateLimiter } from './vivre/rate-limiter';
import { recordOf } from './vivre/write-kinds';
import { showOutboxBadge } from './outbox/badge';
import { createConnection } from './connection';
import { createHandlers } from './handlers';
import { createHeldSends } from './email-logging/held-sends';
import { heldSendsStore, wakeForHeldSends } from './email-logging/held-sends-store';
import type { Handlers } from './router';
import { createOutboxFeed } from './outbox/feed';
import { createStatus } from './status';
import { createWakeAlarm } from './outbox/wake-alarm';

/** Parallel requests to Vivre, lookups and outbox together. */
export const MAX_PARALLEL_REQUESTS = 4;

export interface WorkerOptions extends SettingsDeps {
  /** Tests shorten the outbox's backoff. */
  outboxTiming?: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs'>;
}

export function createWorker(options: WorkerOptions = {}) {
  const settings = createSettings(options);
  const connection = createConnection();
  const limiter = createRateLimiter({ maxParallel: MAX_PARALLEL_REQUESTS });
  const wakeAlarm = createWakeAlarm();

  function reportOutcome(error: VivreError | null) {
    void connection.record(error);
    // A refused key refuses every write too: stop sending, keep every item.
    // (`outbox` is created below; no request can finish before it exists.)
    if (error?.kind === 'unauthorized') void outbox.pause(error.toRepError());
  }
  const http = createHttp({
    getCredentials: settings.getCredentials,
    limiter,
    onOutcome: reportOutcome,
  });
  const client = createVivreClient(http);
  /** A client bound to checked credentials: the saved ones report to the connection state. */
  const clientFor = (credentials: Credentials, saved: boolean) =>
    createVivreClient(
      createHttp({
        getCredentials: async () => credentials,
        limiter,
        onOutcome: saved ? reportOutcome : undefined,
      }),
    );
  const lookups = createLookups({
    client,
    cache: openContactCache(),
    privacy: () => privacyItem.getValue(),
    reprioritize: limiter.reprioritize,
  });

  const onDelivered: OnDelivered = async (write, record) => {
    if (recordOf(write) !== 'contact') return;
    const contact = Contact.safeParse(record);
    // Keep what Vivre just answered; if it is not a whole contact, just forget the old one.
    if (contact.success) return lookups.contactChanged(contact.data);
    // A 2xx without a body (a 204) still changed the contact it names.
    const id = record.id ?? (write.kind === 'updateContact' ? write.contactId : undefined);
    if (id) await lookups.forgetContact(id);
  };
  const onSynced = (item: OutboxItem) => {
    // A create answered "already in Vivre" brought no record back: look it up afresh.
    // Only a contact create is ever answered so (the 409 existing-contact rule in
    // outbox/failure-policy.ts), and only a contact has an email to look up.
    if (item.write.kind === 'createContact' && item.result?.existing)
      void lookups.forgetEmail(item.write.body.email);
  };
  // Pages and chips follow the outbox through this feed (outbox is assigned below).
  const feed = createOutboxFeed(() => outbox.list());
  const onChange = (counts: OutboxCounts) => {
    void showOutboxBadge(counts).catch(() => undefined);
    void wakeAlarm.schedule(counts.nextWakeAt).catch(() => undefined);
    void feed.changed();
  };

  const connections = createOutboxConnections({ settings, clientFor, onDelivered });
  const outbox: Outbox = createOutbox({
    deliver: connections.deliver,
    readBack: connections.readBack,
    connection: connections.current,
    onChange,
    onSynced,
    ...options.outboxTiming,
    // Read Date.now at each call (not once), so tests can move the clock.
    now: () => Date.now(),
  });
  const status = createStatus({ settings, connection, outbox, client });
  // A held send that stood is logged like any other email, checks included (`handlers` below).
  const heldSends = createHeldSends({
    store: heldSendsStore,
    log: (email) => handlers.logEmail(email, {}),
    wakeAt: (at) => wakeForHeldSends(at).catch(() => undefined),
  });
  const handlers: Handlers = createHandlers({
    settings,
    lookups,
    outbox,
    connection,
    status,
    limiter,
    heldSends,
    connections,
  });

  return {
    handlers,
    /** The entrypoint's alarm listener flushes it. */
    outbox,
    /** The entrypoint's alarm listener commits held sends whose Undo window has passed. */
    heldSends,
    /** Worker start-up: show the badge and send whatever survived the last worker. */
    async start(): Promise<void> {
      onChange(await outbox.counts());
      // Sends whose Undo window passed while no worker ran (the browser was closed).
      await heldSends.commitDue().catch(() => undefined);
      await outbox.flushOutbox();
    },
  };
}
