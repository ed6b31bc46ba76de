/**
 * Builds the worker's pieces in the order they depend on each other: settings and the connection
 * state → HTTP and the client → lookups → the outbox → what follows the outbox (badge, wake-up
 * alarm, feed) → email logging → the handlers. Nothing is used before it is made: the two things
 * that run the other way (a refused key pauses the outbox; an outbox change updates what follows
 * it) are subscriptions made once both ends exist. The entrypoint only registers listeners.
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
import { privacyItem } from './storage/items';
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
import { createEmailLogging } from './email-logging/email-logging';
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

  /** Every answer from Vivre over the saved key says how the connection stands. */
  const reportOutcome = (error: VivreError | null) => void connection.record(error);
  const client = createVivreClient(
    createHttp({ getCredentials: settings.getCredentials, limiter, onOutcome: reportOutcome }),
  );
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

  const connections = createOutboxConnections({ settings, clientFor, onDelivered });
  const outboxFollowers: Array<(counts: OutboxCounts) => void> = [];
  const outbox: Outbox = createOutbox({
    deliver: connections.deliver,
    readBack: connections.readBack,
    connection: connections.current,
    onChange: (counts) => outboxFollowers.forEach((follower) => follower(counts)),
    onSynced,
    ...options.outboxTiming,
    // Read Date.now at each call (not once), so tests can move the clock.
    now: () => Date.now(),
  });
  // A refused key refuses every write too: stop sending, keep every item.
  connection.whenRefused((error) => void outbox.pause(error.toRepError()));
  // Vivre answered after the network was down: writes held for it go now, not after the backoff.
  connection.whenReachable(() => void outbox.networkBack());

  // Pages and chips follow the outbox through its feed; the toolbar shows its counts.
  const feed = createOutboxFeed(outbox);
  const wakeAlarm = createWakeAlarm();
  function outboxChanged(counts: OutboxCounts) {
    void showOutboxBadge(counts).catch(() => undefined);
    void wakeAlarm.schedule(counts.nextWakeAt).catch(() => undefined);
    void feed.changed();
  }
  outboxFollowers.push(outboxChanged);

  const status = createStatus({ settings, connection, outbox, client });
  const emailLogging = createEmailLogging({ settings, lookups, outbox });
  const handlers: Handlers = createHandlers({
    settings,
    lookups,
    outbox,
    connection,
    status,
    limiter,
    emailLogging,
    connections,
  });

  return {
    handlers,
    /** The entrypoint's alarm listener flushes it. */
    outbox,
    /** The entrypoint's alarm listener commits held sends whose Undo window has passed. */
    heldSends: emailLogging.heldSends,
    /** Worker start-up: show the badge and send whatever survived the last worker. */
    async start(): Promise<void> {
      outboxChanged(await outbox.counts());
      // Sends whose Undo window passed while no worker ran (the browser was closed).
      await emailLogging.heldSends.commitDue().catch(() => undefined);
      await outbox.flushOutbox();
    },
  };
}
