/**
 * What an organisation may set for every rep through the browser's enterprise policy
 * (Chrome's storage.managed, declared in public/managed-schema.json; Firefox's policies.json
 * `3rdparty` → `Extensions`), and what the options page is told of it. The worker reads and
 * checks the policy (lib/worker/settings/managed-policy.ts) and is the only one that applies it;
 * docs/ADMIN.md explains each key to admins. Not the API key: each rep keeps their own.
 */

/** The policy's keys, in the order options shows them. `locked` lists some of these. */
export const MANAGED_KEYS = [
  'apiBaseUrl',
  'workspaceId',
  'appUrl',
  'autoLookup',
  'neverLookup',
  'logEmailsByDefault',
  'addUnknownRecipients',
  'excerptLength',
  'showInboxScores',
  'hotLeadThreshold',
] as const;

export type ManagedKey = (typeof MANAGED_KEYS)[number];

/** Shown beside every setting a rep may not change. */
export const SET_BY_ORGANISATION = 'Set by your organisation';

/** The worker's answer when a page asks to change a locked setting anyway. */
export const LOCKED_REFUSAL = 'Your organisation sets this, so it can’t be changed here.';

/** What options shows of the policy: which settings are locked, what was wrong with it. */
export interface ManagedView {
  locked: ManagedKey[];
  /** One sentence per value the policy set that was ignored, for the rep (and their admin). */
  problems: string[];
  /** The organisation's never-look-up entries, always applied beside the rep's own. */
  neverLookup: string[];
}

export const NO_MANAGED_VIEW: ManagedView = { locked: [], problems: [], neverLookup: [] };
