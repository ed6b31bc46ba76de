/** Builds the popup's `Status` from the settings, the connection record and the outbox. */
import { validateAppUrl } from '../shared/forms/settings';
import type { Status } from '../shared/messaging/protocol';
import { appUrlItem } from './storage/items';
import { appUrlFor } from '../shared/vivre/base-url';
import type { Outbox } from './outbox';
import type { Settings } from './settings/settings';
import type { VivreClient } from './vivre/client';
import { VivreError } from './vivre/errors';
import type { Connection } from './connection';

export { appUrlFor };

/** The web app address the rep set in Options (checked again: it becomes a link), or derived. */
async function appUrl(baseUrl: string): Promise<string | null> {
  const saved = validateAppUrl((await appUrlItem.getValue().catch(() => null)) ?? '');
  return (saved.ok ? saved.value : null) ?? appUrlFor(baseUrl);
}

export interface StatusDeps {
  settings: Settings;
  connection: Connection;
  outbox: Outbox;
  client: VivreClient;
}

export function createStatus({ settings, connection, outbox, client }: StatusDeps) {
  // Asked once per worker life: a Vivre without /v1/me is not asked again on every popup open.
  let meMissing = false;

  /** GET /v1/me is an assumption beyond the reference: a 404 just means "can't say". */
  async function refreshMe(): Promise<void> {
    try {
      await connection.rememberMe(await client.me());
      meMissing = false;
    } catch (error) {
      if (!(error instanceof VivreError)) throw error;
      if (error.kind === 'not_found') meMissing = true;
    }
  }

  return {
    refreshMe,
    async getStatus(): Promise<Status> {
      const configured = await settings.isConfigured();
      let record = await connection.read();
      if (configured && !record.me && !meMissing && record.state !== 'unauthorized') {
        await refreshMe();
        record = await connection.read();
      }
      const [view, counts] = await Promise.all([settings.view(), outbox.counts()]);
      const state = !configured ? 'not_configured' : counts.paused ? 'unauthorized' : record.state;
      return {
        configured,
        connection: state,
        workspaceId: record.me?.workspace.id ?? (view.workspaceId || null),
        workspaceName: record.me?.workspace.name ?? null,
        permissions: record.me?.key.permissions ?? null,
        appUrl: await appUrl(view.baseUrl),
        waitingCount: counts.waiting,
        attentionCount: counts.attention,
      };
    },
  };
}
