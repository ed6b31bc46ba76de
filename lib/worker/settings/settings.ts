/**
 * The worker's view of the connection settings: the only code that reads the key.
 * Pages get `SettingsView` (masked key); the HTTP layer gets `Credentials`.
 */
import { validateSettingsForm } from '../../shared/forms/settings';
import type { SettingsInput, SettingsView } from '../../shared/messaging/protocol';
import { VivreError } from '../vivre/errors';
import type { Credentials } from '../vivre/http';
import { defaultConnection, type ConnectionSettings } from './defaults';
import { hasBaseUrlPermission, NO_PERMISSION_MESSAGE } from '../../shared/host-permission';
import { privacyItem } from '../storage/items';
import { effectiveNeverLookup } from './privacy';
import { maskKey, openSecretStore } from './secret-store';
import { createManaged, type Managed } from './managed';
import { connectionUnderPolicy, refuseUnderPolicy } from './managed-connection';

const NOT_CONFIGURED_MESSAGE = 'Connect Vivre first: open Vivre settings and paste your API key.';

export interface SettingsDeps {
  hasPermission?: (baseUrl: string) => Promise<boolean>;
  /** The organisation's policy (./managed.ts); none when not given. */
  managed?: Managed;
}

export function createSettings({
  hasPermission = hasBaseUrlPermission,
  managed = createManaged(async () => ({})),
}: SettingsDeps = {}) {
  const { loadSaved, saveConnection } = openSecretStore();

  /** The rep's connection with the organisation's policy laid over it. */
  async function loadConnection() {
    return connectionUnderPolicy(await loadSaved(), defaultConnection(), await managed.policy());
  }

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

  /**
   * Validated, permission-checked settings ready to save or test; the key falls back to the
   * saved one. The page checked the same rules, but whatever sent this is not trusted: a
   * refusal names the first wrong field (`param`) in the sentence the page shows beside it.
   */
  async function resolve(input: SettingsInput): Promise<ConnectionSettings & { apiKey: string }> {
    const saved = await loadConnection();
    const checked = validateSettingsForm(
      { ...input, apiKey: input.apiKey ?? '' },
      saved.apiKey ? saved.baseUrl : null,
    );
    if (!checked.ok) {
      const [param, message] = Object.entries(checked.errors)[0]!;
      throw new VivreError({ kind: 'validation', param, message });
    }
    const { workspaceId, baseUrl } = checked.input;
    refuseUnderPolicy(await managed.policy(), saved, { workspaceId, baseUrl });
    // An empty key was accepted only as "keep the saved one", on the server it was saved for.
    const apiKey = checked.input.apiKey ?? saved.apiKey!;
    if (!(await hasPermission(baseUrl))) {
      throw new VivreError({
        kind: 'validation',
        param: 'baseUrl',
        message: NO_PERMISSION_MESSAGE,
      });
    }
    return { apiKey, workspaceId, baseUrl };
  }

  return {
    view,
    resolve,

    async save(input: SettingsInput): Promise<SettingsView> {
      const connection = await resolve(input);
      await saveConnection(connection);
      return view(connection);
    },

    /** Whether the rep has saved a key of their own (a sandbox build's demo key is not one). */
    async hasSavedKey(): Promise<boolean> {
      return Boolean((await loadSaved())?.apiKey);
    },

    async isConfigured(): Promise<boolean> {
      const { apiKey, workspaceId } = await loadConnection();
      return Boolean(apiKey && workspaceId);
    },

    async getCredentials(): Promise<Credentials> {
      const { apiKey, workspaceId, baseUrl, problem } = await loadConnection();
      if (!apiKey || !workspaceId)
        throw new VivreError({
          kind: 'not_configured',
          message: problem ?? NOT_CONFIGURED_MESSAGE,
        });
      return { apiKey, workspaceId, baseUrl };
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
