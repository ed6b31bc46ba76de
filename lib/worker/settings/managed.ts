/**
 * The organisation's policy in the worker: read from storage.managed (Chrome's policy, or
 * Firefox's policies.json `3rdparty` → `Extensions` → our add-on id), checked
 * (./managed-policy.ts), and applied to the rep's preferences in the worker's own storage, where
 * every reader already looks. A locked value is written back whenever it differs; an unlocked one
 * only when the organisation sets or changes it, so the rep's own choice stands until then. The
 * connection (base URL, workspace) is not written: ./settings.ts lays the policy over the rep's
 * saved connection each time it reads it. Saves of locked settings are refused here too.
 */
import { browser } from 'wxt/browser';
import { LOCKED_REFUSAL, type ManagedKey, type ManagedView } from '../../shared/managed';
import { DEFAULT_EMAIL_LOGGING } from '../../shared/settings';
import { appUrlItem, emailLoggingItem, managedAppliedItem, privacyItem } from '../storage/items';
import { VivreError } from '../vivre/errors';
import { updateInboxList } from './list-and-link';
import {
  HELD_WHEN_BROKEN,
  NO_POLICY,
  parsePolicy,
  type ManagedPolicy,
  type ManagedValues,
} from './managed-policy';

/** What storage.managed holds; nothing when there is no policy (Firefox then rejects). */
async function readManagedStorage(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return {};
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes the policy into the rep's preferences, each only when it changes. */
async function applyPolicy(policy: ManagedPolicy): Promise<void> {
  const applied = await managedAppliedItem.getValue();
  const nowApplied: Record<string, unknown> = {};
  /** The value `key` takes now: the organisation's when locked or newly set, else `current`. */
  function take<K extends keyof typeof HELD_WHEN_BROKEN>(
    key: K,
    current: ManagedValues[K],
  ): ManagedValues[K] {
    const target: ManagedValues[K] | undefined =
      key in policy.values
        ? (policy.values[key] as ManagedValues[K])
        : policy.broken.has(key)
          ? (HELD_WHEN_BROKEN[key] as ManagedValues[K])
          : undefined;
    if (target === undefined) return current;
    nowApplied[key] = target;
    return policy.locked.has(key) || !same(applied[key], target) ? target : current;
  }

  // Each in turn with the rep's own saves and the tabs' writes (WorkerItem.update).
  await privacyItem.update((privacy) => {
    const next = {
      ...privacy,
      autoLookup: take('autoLookup', privacy.autoLookup),
      organisation: policy.values.neverLookup ?? [],
      // A locked list keeps the rep's own domain in it.
      skipOwnDomain: policy.locked.has('neverLookup') ? true : privacy.skipOwnDomain,
    };
    return same(privacy, next) ? privacy : next;
  });

  await emailLoggingItem.update((stored) => {
    const logging = { ...DEFAULT_EMAIL_LOGGING, ...stored };
    const next = {
      logEmailsByDefault: take('logEmailsByDefault', logging.logEmailsByDefault),
      addUnknownRecipients: take('addUnknownRecipients', logging.addUnknownRecipients),
      excerptLength: take('excerptLength', logging.excerptLength),
    };
    return same(stored, next) ? stored : next;
  });

  await updateInboxList((list) => ({
    showScores: take('showInboxScores', list.showScores),
    hotLeadThreshold: take('hotLeadThreshold', list.hotLeadThreshold),
  }));

  await appUrlItem.update((appUrl) => take('appUrl', appUrl));

  if (!same(applied, nowApplied)) await managedAppliedItem.setValue(nowApplied);
}

export interface Managed {
  /** The policy as last read (read once per worker life, and again when it changes). */
  policy(): Promise<ManagedPolicy>;
  /** Resolves once the policy is applied to the rep's preferences: await it before using them. */
  ready(): Promise<void>;
  /** storage.managed changed: read it again and apply it. */
  changed(): Promise<void>;
}

export function createManaged(read: () => Promise<unknown> = readManagedStorage): Managed {
  let policy: Promise<ManagedPolicy> | undefined;
  let applied: Promise<void> | undefined;
  const current = () => (policy ??= read().then(parsePolicy, () => NO_POLICY));
  const ready = () =>
    (applied ??= current()
      .then(applyPolicy)
      .catch(() => {
        // Storage failed: try again on the next message rather than never.
        applied = undefined;
      }));
  return {
    policy: current,
    ready,
    async changed() {
      policy = undefined;
      applied = undefined;
      await ready();
    },
  };
}

/** What the options page shows of the policy. */
export function managedView(policy: ManagedPolicy): ManagedView {
  return {
    locked: [...policy.locked],
    problems: policy.problems,
    neverLookup: policy.values.neverLookup ?? [],
  };
}

/**
 * Refuses a save that changes a locked setting (the options page shows them read-only, but the
 * worker trusts no page). `changes`: each key the save sets, and whether it changes it.
 */
export function refuseLocked(
  policy: ManagedPolicy,
  changes: Partial<Record<ManagedKey, boolean>>,
): void {
  for (const [key, changed] of Object.entries(changes) as [ManagedKey, boolean][]) {
    if (changed && policy.locked.has(key))
      throw new VivreError({ kind: 'validation', param: key, message: LOCKED_REFUSAL });
  }
}
