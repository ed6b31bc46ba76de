/**
 * What the worker does for each message. Data arrives already checked (sender and
 * schema, lib/worker/router.ts); a thrown VivreError becomes the Answer's error.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from './router';
import type { TestConnectionResult } from '../shared/messaging/protocol';
import type { Lookups } from './lookups/lookups';
import { OutboxError, type Outbox } from './outbox';
import { emailTextAllowed } from './settings/data-consent';
import type { EmailLogging } from './email-logging/email-logging';
import { loadEmailLoggingPrefs, saveEmailLoggingPrefs } from './settings/email-logging';
import { rememberOwnEmail, savePrivacyPrefs } from './settings/privacy';
import { loadAppUrl, loadInboxList, saveAppUrl, saveInboxList } from './settings/list-and-link';
import type { Settings } from './settings/settings';
import { createVivreClient } from './vivre/client';
import { VivreError } from './vivre/errors';
import { createHttp } from './vivre/http';
import type { RateLimiter } from './vivre/rate-limiter';
import type { Connection } from './connection';
import { createEnqueueRate } from './outbox/enqueue-rate';
import { openDeals } from '../shared/email-deal';
import type { createOutboxConnections } from './outbox/connections';
import type { createStatus } from './status';
import { managedView, refuseLocked, type Managed } from './settings/managed';
import { policyAllows } from './settings/managed-connection';
import { effectiveNeverLookup } from './settings/privacy';
import { privacyItem } from './storage/items';
import { validateAppUrl } from '../shared/forms/settings';
import { injectEmailLogging } from './email-logging/inject-controls';

export interface HandlerDeps {
  /** The organisation's policy: what options shows of it, and what it refuses. */
  managed: Managed;
  settings: Settings;
  lookups: Lookups;
  outbox: Outbox;
  connection: Connection;
  status: ReturnType<typeof createStatus>;
  limiter: RateLimiter;
  /** The logger, its checks, and the sends held through Gmail's Undo Send window. */
  emailLogging: EmailLogging;
  connections: Pick<ReturnType<typeof createOutboxConnections>, 'hold'>;
}

/** The outbox refuses some rep actions (an item already synced, say) with a message written for the rep. */
async function explainOutboxRefusal<T>(action: Promise<T>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (error instanceof OutboxError)
      throw new VivreError({ kind: 'validation', message: error.message });
    throw error;
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { settings, lookups, outbox, connection, managed } = deps;
  const { status, limiter, emailLogging, connections } = deps;
  const enqueueRate = createEnqueueRate();
  /** One write per person an email may be logged for, charged before anything is queued. */
  const costOf = (email: { people: unknown[] }) => Math.max(1, email.people.length);
  /** Gmail's tab (content script or card) is limited per tab; the rep's own pages are not. */
  const gmailTab = (sender: Parameters<Handlers['enqueueWrite']>[1]) =>
    sender.kind === 'gmail' || sender.kind === 'card' ? (sender.tab?.id ?? -1) : undefined;
  /** The chips of one Gmail frame, which may give up their own lookups and no one else's. */
  const chipsOf = (sender: Parameters<Handlers['lookupContacts']>[1]) =>
    sender.kind === 'gmail' && sender.tab?.id !== undefined
      ? `${sender.tab.id}/${sender.frameId ?? 0}`
      : undefined;
  async function requireConfigured(): Promise<void> {
    await settings.getCredentials(); // throws "not configured" with a message for the rep
  }

  async function testConnection(
    input: Parameters<Settings['resolve']>[0],
  ): Promise<TestConnectionResult> {
    try {
      // Validated, and refused unless the extension already holds a permission for the origin.
      const credentials = await settings.resolve(input);
      // Its own HTTP layer: a rejected test key must not mark the saved connection broken.
      const probe = createVivreClient(
        createHttp({ getCredentials: async () => credentials, limiter }),
      );
      try {
        const me = await probe.me();
        return {
          ok: true,
          workspaceId: me.workspace.id,
          workspaceName: me.workspace.name,
          permissions: me.key.permissions,
        };
      } catch (error) {
        if (!(error instanceof VivreError) || error.kind !== 'not_found') throw error;
        // No /v1/me on this Vivre: a one-contact list proves the key and workspace work.
        await probe.listContacts({ limit: 1 });
        return {
          ok: true,
          workspaceId: credentials.workspaceId,
          workspaceName: credentials.workspaceId,
          permissions: null,
        };
      }
    } catch (error) {
      if (error instanceof VivreError) return { ok: false, error: error.toRepError() };
      throw error;
    }
  }

  return {
    getStatus: () => status.getStatus(),

    async lookupContacts({ emails, signedInEmail, forLogging, priority }, sender) {
      // Kept for what options shows and for pages that carry no account (popup, card); this
      // lookup skips the colleagues of the account it names.
      // From here: the tab's give-up may arrive before this lookup reaches the scheduler.
      const since = lookups.beginAsk();
      try {
        if (signedInEmail) await rememberOwnEmail(signedInEmail);
        await requireConfigured();
      } catch (error) {
        lookups.endAsk(since);
        throw error;
      }
      const asker = forLogging ? undefined : chipsOf(sender);
      return lookups.lookup(emails, {
        ignoreAutoLookupOff: forLogging === true,
        priority,
        since,
        ...(signedInEmail ? { signedIn: signedInEmail } : {}),
        ...(asker ? { asker } : {}),
      });
    },

    async giveUpLookups({ emails }, sender) {
      const asker = chipsOf(sender);
      if (asker) lookups.giveUp(emails, asker);
      return null;
    },

    getContactDetails: ({ contactId }) => lookups.getContactDetails(contactId),
    async getOpenDeals({ contactId }) {
      const deals = await lookups.dealsOf(contactId);
      return deals && openDeals(deals);
    },
    searchContacts: ({ query }) => lookups.searchContacts(query),

    getActivityPage: ({ contactId, offset, limit }) =>
      lookups.activityPage(contactId, { offset, limit }),

    async enqueueWrite({ write }, sender) {
      enqueueRate.take(gmailTab(sender));
      const item = await explainOutboxRefusal(outbox.enqueue(write));
      return { id: item.id, state: item.state };
    },

    getWriteStatus: ({ id }) => outbox.status(id),

    async retryOutboxItem({ id, note }) {
      await explainOutboxRefusal(outbox.retry(id, note === undefined ? {} : { note }));
      return null;
    },

    async discardOutboxItem({ id }) {
      await explainOutboxRefusal(outbox.discard(id));
      return null;
    },

    async sendOutboxWithKey({ id, apiKey }) {
      const connection = await outbox.connectionOf(id);
      if (!connection) {
        throw new VivreError({
          kind: 'validation',
          message: 'This write was not queued for another workspace: retry it instead.',
        });
      }
      if (!policyAllows(await managed.policy(), connection)) {
        throw new VivreError({
          kind: 'validation',
          message: `Your organisation no longer allows workspace ${connection.workspaceId}, so this write can’t be sent there: discard it, or ask your admin.`,
        });
      }
      connections.hold(connection, apiKey);
      return { released: await outbox.sendWith(connection) };
    },

    listOutboxPage: ({ state, after, limit }) => outbox.page(state, after, limit),
    listPendingFor: ({ contactId, dealIds }) => outbox.pendingFor(contactId, dealIds),

    async flushOutbox() {
      // Answer at once: the popup asks on open and must not wait for a long drain.
      void outbox.flushOutbox();
      return null;
    },

    async getSettings() {
      return {
        ...(await settings.view()),
        emailLogging: await loadEmailLoggingPrefs(),
        emailTextAllowed: await emailTextAllowed(),
        inboxList: await loadInboxList(),
        appUrl: await loadAppUrl(),
        managed: managedView(await managed.policy()),
      };
    },

    async saveSettings(input) {
      const view = await settings.save(input);
      await connection.reset();
      // Another key or workspace may see other contacts: nothing cached still holds.
      await lookups.clear();
      await outbox.resume();
      void status.refreshMe();
      return view;
    },

    async getEmailLoggingPrefs() {
      return {
        emailLogging: await loadEmailLoggingPrefs(),
        emailTextAllowed: await emailTextAllowed(),
        connected: (await settings.view()).maskedKey !== null,
      };
    },

    async savePrivacy({ autoLookup, neverLookup }) {
      const now = await privacyItem.getValue();
      const list = effectiveNeverLookup(now);
      refuseLocked(await managed.policy(), {
        autoLookup: autoLookup !== now.autoLookup,
        neverLookup:
          neverLookup.length !== list.length || neverLookup.some((entry) => !list.includes(entry)),
      });
      await lookups.privacyChanged(await savePrivacyPrefs(autoLookup, neverLookup));
      return settings.view();
    },

    async saveEmailLogging(prefs) {
      const now = await loadEmailLoggingPrefs();
      refuseLocked(await managed.policy(), {
        logEmailsByDefault: prefs.logEmailsByDefault !== now.logEmailsByDefault,
        addUnknownRecipients: prefs.addUnknownRecipients !== now.addUnknownRecipients,
        excerptLength: prefs.excerptLength !== now.excerptLength,
      });
      return {
        ...(await settings.view()),
        emailLogging: await saveEmailLoggingPrefs(prefs),
        emailTextAllowed: await emailTextAllowed(),
      };
    },

    async saveInboxList(prefs) {
      const now = await loadInboxList();
      refuseLocked(await managed.policy(), {
        showInboxScores: prefs.showScores !== now.showScores,
        hotLeadThreshold: prefs.hotLeadThreshold !== now.hotLeadThreshold,
      });
      return saveInboxList(prefs);
    },

    async saveAppUrl({ appUrl }) {
      const wanted = validateAppUrl(appUrl ?? '');
      refuseLocked(await managed.policy(), {
        appUrl: !wanted.ok || wanted.value !== (await loadAppUrl()),
      });
      return saveAppUrl(appUrl);
    },

    async logEmail(email, sender) {
      enqueueRate.take(gmailTab(sender), costOf(email));
      return emailLogging.logEmail(email);
    },

    async holdEmailLog({ sendId, commitAt, email, scheduled }, sender) {
      // Charged when held, as if logged now: one budget for all a tab writes. The commit, which
      // the tab may bring forward with settleEmailLog, charges nothing more.
      enqueueRate.take(gmailTab(sender), costOf(email));
      return emailLogging.hold(sendId, email, commitAt, scheduled);
    },

    settleEmailLog: ({ sendId, outcome }) => emailLogging.heldSends.settle(sendId, outcome),

    getLoggedEmails: ({ messageIds }) => emailLogging.loggedAt(messageIds),

    loadEmailLogging: (_, sender) => injectEmailLogging(sender),

    testConnection,

    async clearContactCache() {
      await lookups.clear();
      return null;
    },

    async openOptions() {
      await browser.runtime.openOptionsPage();
      return null;
    },
  };
}
