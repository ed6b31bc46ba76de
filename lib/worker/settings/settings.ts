/**
 * The worker's view of the connection settings: the only code that reads the key.
 * Pages get `SettingsView` (masked key); the HTTP layer gets `Credentials`.
 */
import { KEY_AGAIN_FOR_NEW_SERVER } from '../../shared/forms/settings';
import type { SettingsInput, SettingsView } from '../../shared/messaging/protocol';
import { VivreError } from '../vivre/errors';
import type { Credentials } from '../vivre/http';
import type { ConnectionSettings } from './defaults';
import { hasBaseUrlPermission, NO_PERMISSION_MESSAGE } from '../../shared/host-permission';
import { privacyItem } from '../storage/items';
import { effectiveNeverLookup } from './privacy';
import { maskKey, openSecretStore } from './secret-store';
import { checkSettingsInput } from './validate';

const NOT_CONFIGURED_MESSAGE = 'Connect Vivre first: open Vivre settings and paste your API key.';

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export interface SettingsDeps {
  hasPermission?: (baseUrl: string) => Promise<boolean>;
}

export function createSettings({ hasPermission = hasBaseUrlPermission }: SettingsDeps = {}) {
  const { loadConnection, saveConnection } = openSecretStore();

  async function view(connection?: ConnectionSettings): Promise<SettingsView> {
    const { apiKey, workspaceId, baseUrl } = connection ?? (await loadConnection());
    const privacy = await privacyItem.getValue();
    return {
      workspaceId,
      baseUrl,
      maskedKey: maskKey(apiKey),
      autoLookup: privacy.autoLookup,
      neverLookup: effectiveNeverLookup(privacy),
    };
  }

  /** Validated, permission-checked settings ready to save or test; the key falls back to the saved one. */
  async function resolve(input: SettingsInput): Promise<ConnectionSettings & { apiKey: string }> {
    const checked = checkSettingsInput(input);
    if (!checked.ok) throw new VivreError({ ...checked.error, kind: 'validation' });
    const saved = await loadConnection();
    const apiKey = checked.value.apiKey ?? saved.apiKey;
    if (!checked.value.apiKey && apiKey && !sameOrigin(saved.baseUrl, checked.value.baseUrl)) {
      // The saved key was given for one server; another must not receive it unasked.
      throw new VivreError({
        kind: 'validation',
        param: 'apiKey',
        message: KEY_AGAIN_FOR_NEW_SERVER,
      });
    }
    if (!apiKey) {
      throw new VivreError({
        kind: 'validation',
        param: 'apiKey',
        message: 'Paste your Vivre API key.',
      });
    }
    if (!(await hasPermission(checked.value.baseUrl))) {
      throw new VivreError({
        kind: 'validation',
        param: 'baseUrl',
        message: NO_PERMISSION_MESSAGE,
      });
    }
    return { apiKey, workspaceId: checked.value.workspaceId, baseUrl: checked.value.baseUrl };
  }

  return {
    view,
    resolve,

    async save(input: SettingsInput): Promise<SettingsView> {
      const connection = await resolve(input);
      await saveConnection(connection);
      return view(connection);
    },

    async isConfigured(): Promise<boolean> {
      const { apiKey, workspaceId } = await loadConnection();
      return Boolean(apiKey && workspaceId);
    },

    async getCredentials(): Promise<Credentials> {
      const { apiKey, workspaceId, baseUrl } = await loadConnection();
      if (!apiKey || !workspaceId)
        throw new VivreError({ kind: 'not_configured', message: NOT_CONFIGURED_MESSAGE });
      return { apiKey, workspaceId, baseUrl };
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
