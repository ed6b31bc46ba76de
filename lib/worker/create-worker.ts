/**
 * Builds the worker's pieces in the order they depend on each other: settings and the connection
 * state → HTTP and the client → lookups → the outbox → what follows the outbox (badge, wake-up
 * alarm, feed) → email logging → the handlers. Nothing is used before it is made: the two things
 * that run the other way (a refused key pauses the outbox; an outbox change updates what follows
 * it) are subscriptions made once both ends exist. The entrypoint only registers listeners.
 */
import { browser } from 'wxt/browser';
import { openContactCache } from './lookups/cache';
import { createLookups } from './lookups/lookups';
import { createChipMirror } from './lookups/mirror';
import {
  createOutbox,
  type Outbox,
  type OutboxCounts,
  type OutboxItem,
  type OutboxOptions,
} from './outbox';
import { privacyItem } from './storage/items';
import { createSettings, type SettingsDeps } from './settings/settings';
import { createManaged } from './settings/managed';
import { policyAllows } from './settings/managed-connection';
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
/**
 * Writes the outbox delivers side by side: a long queue drains at Vivre's rate limit, not at
 * one round trip and two disk flushes per write, and one slot stays free for the open
 * thread's lookups while it drains.
 */
export const PARALLEL_DELIVERIES = MAX_PARALLEL_REQUESTS - 1;

export interface WorkerOptions extends Omit<SettingsDeps, 'managed'> {
  /** Reads the organisation's policy (storage.managed by default). */
  readPolicy?: () => Promise<unknown>;
  /** Tests shorten the outbox's backoff. */
  outboxTiming?: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs'>;
}

/** Each handler waits for `ready` first. */
function gated(handlers: Handlers, ready: () => Promise<void>): Handlers {
  const entries = Object.entries(handlers).map(([type, handle]) => [
    type,
    async (...args: unknown[]) => {
      await ready();
      return (handle as (...a: unknown[]) => unknown)(...args);
    },
  ]);
  return Object.fromEntries(entries) as unknown as Handlers;
}

export function createWorker(options: WorkerOptions = {}) {
  const managed = createManaged(options.readPolicy);
  const settings = createSettings({ ...options, managed });
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
    mirror: createChipMirror(),
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

  const connections = createOutboxConnections({
    settings,
    clientFor,
    onDelivered,
    allows: async (stamp) => policyAllows(await managed.policy(), stamp),
  });
  const outboxFollowers: Array<(counts: OutboxCounts) => void> = [];
  const outbox: Outbox = createOutbox({
    deliver: connections.deliver,
    readBack: connections.readBack,
    connection: connections.current,
    onChange: (counts) => outboxFollowers.forEach((follower) => follower(counts)),
    onSynced,
    parallelDeliveries: PARALLEL_DELIVERIES,
    ...options.outboxTiming,
    // Read Date.now at each call (not once), so tests can move the clock.
    now: () => Date.now(),
  });
  // A refused key refuses every write too: stop sending, keep every item.
  connection.whenRefused((error) => void outbox.pause(error.toRepError()));
  // Nor do chips show what that key was answered: a new tab asks the worker first.
  connection.whenRefused(() => void lookups.forgetShown().catch(() => undefined));
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
    managed,
    settings,
    lookups,
    outbox,
    connection,
    status,
    limiter,
    emailLogging,
    connections,
  });

  /** After the policy changed: what a new connection needs, as when the rep saves one. */
  async function policyChanged(): Promise<void> {
    const before = await settings.view();
    await managed.changed();
    // The organisation may have turned lookups off or listed addresses: chips in new tabs follow.
    await lookups.privacyChanged(await privacyItem.getValue());
    const after = await settings.view();
    const same = (['baseUrl', 'workspaceId', 'maskedKey'] as const).every(
      (field) => before[field] === after[field],
    );
    if (same) return;
    await connection.reset();
    await lookups.clear();
    // Writes made for a connection the policy no longer allows park, as after any switch.
    await outbox.resume();
    void status.refreshMe();
  }

  return {
    // No message is answered before the policy is applied to the preferences it reads.
    handlers: gated(handlers, managed.ready),
    policyChanged,
    /** The entrypoint's alarm listener flushes it. */
    outbox,
    /** The entrypoint's alarm listener commits held sends whose Undo window has passed. */
    heldSends: emailLogging.heldSends,
    /**
     * The entrypoint's `permissions.onRemoved` listener: the rep withdrew a data-collection
     * consent (Firefox), so chips in new tabs show nothing the worker has not answered again.
     */
    async permissionsRemoved(removed: { data_collection?: string[] }): Promise<void> {
      if ((removed.data_collection ?? []).length > 0) await lookups.forgetShown();
    },
    /**
     * The entrypoint's `runtime.onInstalled`. A new install opens the settings page: connecting
     * Vivre is the rep's first step. Not when a key is already saved: Chrome reports an unpacked
     * build loaded from the command line as installed anew at every browser start, over storage
     * that kept the rep's connection, and the page then opened over whatever the rep was opening.
     */
    async installed(reason: string): Promise<void> {
      if (reason !== 'install' || (await settings.hasSavedKey())) return;
      await browser.runtime.openOptionsPage();
    },
    /** Worker start-up: show the badge and send whatever survived the last worker. */
    async start(): Promise<void> {
      // The policy reaches the preferences Gmail tabs read (the inbox list) before any message.
      await managed.ready();
      // A policy changed while the browser was closed (Firefox applies one only at start-up).
      await lookups.privacyChanged(await privacyItem.getValue()).catch(() => undefined);
      outboxChanged(await outbox.counts());
      // Sends whose Undo window passed while no worker ran (the browser was closed).
      await emailLogging.heldSends.commitDue().catch(() => undefined);
      await outbox.flushOutbox();
    },
  };
}
