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
import { privacyItem } from '../shared/storage';
import { createSettings, type SettingsDeps } from './settings/settings';
import { createVivreClient } from './vivre/client';
import { Contact } from '../shared/vivre/contract';
import { createDeliver, type OnDelivered } from './vivre/deliver';
import type { VivreError } from './vivre/errors';
import { createHttp } from './vivre/http';
import { createRateLimiter } from './vivre/rate-limiter';
import { recordOf } from './vivre/write-kinds';
import { showOutboxBadge } from './badge';
import { createConnection } from './connection';
import { createHandlers } from './handlers';
import { createOutboxFeed } from './outbox-feed';
import { createStatus } from './status';
import { createWakeAlarm } from './wake-alarm';

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

  const http = createHttp({
    getCredentials: settings.getCredentials,
    limiter,
    onOutcome(error: VivreError | null) {
      void connection.record(error);
      // A refused key refuses every write too: stop sending, keep every item.
      // (`outbox` is created below; no request can finish before it exists.)
      if (error?.kind === 'unauthorized') void outbox.pause(error.toRepError());
    },
  });
  const client = createVivreClient(http);
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
    if (contact.success) await lookups.contactChanged(contact.data);
    else await lookups.forgetContact(record.id);
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

  const outbox: Outbox = createOutbox({
    deliver: createDeliver(client, onDelivered),
    onChange,
    onSynced,
    ...options.outboxTiming,
    // Read Date.now at each call (not once), so tests can move the clock.
    now: () => Date.now(),
  });
  const status = createStatus({ settings, connection, outbox, client });
  const handlers = createHandlers({ settings, lookups, outbox, connection, status, limiter });

  return {
    handlers,
    /** The entrypoint's alarm listener flushes it. */
    outbox,
    /** Worker start-up: show the badge and send whatever survived the last worker. */
    async start(): Promise<void> {
      onChange(await outbox.counts());
      await outbox.flushOutbox();
    },
  };
}
