/**
 * What a fresh install connects to. Production builds start unconfigured against
 * the production API; development and test builds start connected to the local
 * sandbox with its demo write key, so `npm start` works with no setup.
 */
import { PRODUCTION_BASE_URL, sandboxBaseUrl } from '../../shared/vivre/base-url';

/** Mirrors `DEMO_KEYS.write` in sandbox/seed.ts (a test keeps them equal); a sandbox-only key. */
export const DEMO_WRITE_KEY = 'vv_test_demo_write_0000000000000000';
const DEMO_WORKSPACE_ID = 'ws_demo';

export interface ConnectionSettings {
  apiKey: string | null;
  workspaceId: string;
  baseUrl: string;
}

function isSandboxBuild(): boolean {
  return import.meta.env.WXT_VIVRE_SANDBOX === '1' || import.meta.env.DEV === true;
}

export function defaultConnection(sandbox = isSandboxBuild()): ConnectionSettings {
  return sandbox
    ? {
        apiKey: DEMO_WRITE_KEY,
        workspaceId: DEMO_WORKSPACE_ID,
        // `npm start -- --port N` sets it; 8787 otherwise.
        baseUrl: sandboxBaseUrl(import.meta.env.WXT_VIVRE_SANDBOX_URL),
      }
    : { apiKey: null, workspaceId: '', baseUrl: PRODUCTION_BASE_URL };
}
