/**
 * The connection under the organisation's policy: its API base URL and workspace laid over the
 * rep's saved ones (always when locked; unlocked, only until the rep saves their own). The rep's
 * key never follows the policy to another server: there it must be typed again, as when the rep
 * moves the address themselves.
 */
import { LOCKED_REFUSAL } from '../../shared/managed';
import { VivreError } from '../vivre/errors';
import type { ConnectionSettings } from './defaults';
import { CONNECTION_KEYS, type ManagedPolicy } from './managed-policy';

export interface PolicyConnection extends ConnectionSettings {
  /** Why the policy leaves no usable key, in a sentence for the rep. */
  problem?: string;
}

export const DISCONNECTED_BY_POLICY =
  'Your organisation’s Vivre connection settings aren’t valid, so Vivre stays disconnected until your admin fixes them.';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function connectionUnderPolicy(
  saved: ConnectionSettings | undefined,
  fallback: ConnectionSettings,
  policy: ManagedPolicy,
): PolicyConnection {
  if (CONNECTION_KEYS.some((key) => policy.broken.has(key)))
    return { apiKey: null, workspaceId: '', baseUrl: '', problem: DISCONNECTED_BY_POLICY };
  const own = saved ?? fallback;
  const pick = (key: (typeof CONNECTION_KEYS)[number], mine: string) => {
    const theirs = policy.values[key];
    return theirs !== undefined && (policy.locked.has(key) || !saved) ? theirs : mine;
  };
  const baseUrl = pick('apiBaseUrl', own.baseUrl);
  const workspaceId = pick('workspaceId', own.workspaceId);
  if (own.apiKey && originOf(baseUrl) !== originOf(own.baseUrl)) {
    const host = new URL(baseUrl).host;
    return {
      apiKey: null,
      workspaceId,
      baseUrl,
      problem: `Your organisation moved Vivre to ${host}: open Vivre settings and paste your API key again.`,
    };
  }
  return { apiKey: own.apiKey, workspaceId, baseUrl };
}

/** Refuses a connection the policy does not allow, naming the field, as the form's checks do. */
export function refuseUnderPolicy(
  policy: ManagedPolicy,
  current: PolicyConnection,
  wanted: { baseUrl: string; workspaceId: string },
): void {
  if (current.problem === DISCONNECTED_BY_POLICY)
    throw new VivreError({ kind: 'validation', param: 'baseUrl', message: DISCONNECTED_BY_POLICY });
  if (policy.locked.has('apiBaseUrl') && wanted.baseUrl !== current.baseUrl)
    throw new VivreError({ kind: 'validation', param: 'baseUrl', message: LOCKED_REFUSAL });
  if (policy.locked.has('workspaceId') && wanted.workspaceId !== current.workspaceId)
    throw new VivreError({ kind: 'validation', param: 'workspaceId', message: LOCKED_REFUSAL });
}

/** Whether writes queued for `stamp` may still be sent: not to a workspace the policy forbids. */
export function policyAllows(
  policy: ManagedPolicy,
  stamp: { baseUrl: string; workspaceId: string },
): boolean {
  const { apiBaseUrl, workspaceId } = policy.values;
  if (CONNECTION_KEYS.some((key) => policy.broken.has(key))) return false;
  if (policy.locked.has('apiBaseUrl') && stamp.baseUrl !== apiBaseUrl) return false;
  return !(policy.locked.has('workspaceId') && stamp.workspaceId !== workspaceId);
}
