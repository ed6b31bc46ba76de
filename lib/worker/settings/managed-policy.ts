/**
 * Reads an organisation's policy (what storage.managed answers) into values the worker can
 * apply, checked with the rules the rep's own settings meet (lib/shared/forms/). Each wrong value
 * is ignored on its own, with one sentence for the rep; nothing is ever loosened by a mistake:
 * a locked setting whose value is wrong or missing stays locked, at its most private value, and
 * a `locked` that is not a list locks everything the policy sets.
 */
import { parseNeverLookup } from '../../shared/forms/never-lookup';
import { invalid, valid, type FieldResult } from '../../shared/forms/result';
import { validateAppUrl, validateBaseUrl, validateWorkspaceId } from '../../shared/forms/settings';
import { MANAGED_KEYS, type ManagedKey } from '../../shared/managed';
import { DEFAULT_INBOX_LIST } from '../../shared/inbox-list';
import { MAX_EXCERPT_LENGTH } from '../../shared/settings';

export interface ManagedValues {
  apiBaseUrl: string;
  workspaceId: string;
  /** null: the address derived from the API's. */
  appUrl: string | null;
  autoLookup: boolean;
  neverLookup: string[];
  logEmailsByDefault: boolean;
  addUnknownRecipients: boolean;
  excerptLength: number;
  showInboxScores: boolean;
  hotLeadThreshold: number;
}

export interface ManagedPolicy {
  /** The values that passed their checks. */
  values: Partial<ManagedValues>;
  locked: ReadonlySet<ManagedKey>;
  /** Locked, but with no usable value: held at `HELD_WHEN_BROKEN` (the connection: none). */
  broken: ReadonlySet<ManagedKey>;
  problems: string[];
}

export const NO_POLICY: ManagedPolicy = {
  values: {},
  locked: new Set(),
  broken: new Set(),
  problems: [],
};

/** How each key is named in a sentence for the rep. */
const LABELS: Record<ManagedKey, string> = {
  apiBaseUrl: 'API base URL',
  workspaceId: 'workspace ID',
  appUrl: 'Vivre web app address',
  autoLookup: 'automatic lookups setting',
  neverLookup: 'never-look-up list',
  logEmailsByDefault: '“Log to Vivre” default',
  addUnknownRecipients: 'setting for adding unknown recipients',
  excerptLength: 'excerpt length',
  showInboxScores: 'inbox-list scores setting',
  hotLeadThreshold: 'hot-lead score',
};

/**
 * The value a locked setting keeps when the organisation's is unusable: the most private one
 * (nothing looked up or logged unasked, no text kept, no scores in lists). The hot-lead score
 * decides nothing private, so it keeps the default.
 */
export const HELD_WHEN_BROKEN: Pick<
  ManagedValues,
  | 'appUrl'
  | 'autoLookup'
  | 'logEmailsByDefault'
  | 'addUnknownRecipients'
  | 'excerptLength'
  | 'showInboxScores'
  | 'hotLeadThreshold'
> = {
  appUrl: null,
  autoLookup: false,
  logEmailsByDefault: false,
  addUnknownRecipients: false,
  excerptLength: 0,
  showInboxScores: false,
  hotLeadThreshold: DEFAULT_INBOX_LIST.hotLeadThreshold,
};

/** The connection's keys: unusable and locked, they leave Vivre disconnected. */
export const CONNECTION_KEYS = ['apiBaseUrl', 'workspaceId'] as const;

type Check<T> = (value: unknown) => FieldResult<T>;

const onOff: Check<boolean> = (value) =>
  typeof value === 'boolean' ? valid(value) : invalid('it must be true or false.');

const wholeNumber =
  (max: number): Check<number> =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max
      ? valid(value)
      : invalid(`it must be a whole number from 0 to ${max}.`);

const text =
  <T>(rule: (text: string) => FieldResult<T>): Check<T> =>
  (value) =>
    typeof value === 'string' ? rule(value) : invalid('it must be text.');

/** The entries that are addresses or domains; each other one is a problem of its own. */
function neverLookupEntries(value: unknown, problems: string[]): FieldResult<string[]> {
  if (!Array.isArray(value)) return invalid('it must be a list of addresses and domains.');
  const entries = new Set<string>();
  for (const entry of value) {
    const parsed = typeof entry === 'string' ? parseNeverLookup(entry) : null;
    if (parsed?.ok && parsed.value.length === 1) entries.add(parsed.value[0]!);
    else
      problems.push(
        `Your organisation’s never-look-up entry “${String(entry)}” is neither an email address nor a domain, so it was ignored.`,
      );
  }
  return valid([...entries]);
}

const CHECKS: { [K in Exclude<ManagedKey, 'neverLookup'>]: Check<ManagedValues[K]> } = {
  apiBaseUrl: text(validateBaseUrl),
  workspaceId: text(validateWorkspaceId),
  appUrl: text(validateAppUrl),
  autoLookup: onOff,
  logEmailsByDefault: onOff,
  addUnknownRecipients: onOff,
  excerptLength: wholeNumber(MAX_EXCERPT_LENGTH),
  showInboxScores: onOff,
  hotLeadThreshold: wholeNumber(100),
};

const isKey = (name: unknown): name is ManagedKey =>
  typeof name === 'string' && (MANAGED_KEYS as readonly string[]).includes(name);

/** Which keys are locked; a `locked` that is not a list of names locks every key set. */
function lockedKeys(raw: Record<string, unknown>, problems: string[]): Set<ManagedKey> {
  if (!('locked' in raw)) return new Set();
  if (!Array.isArray(raw.locked)) {
    problems.push(
      'Your organisation’s list of locked settings isn’t a list, so every setting it sets is locked.',
    );
    return new Set(MANAGED_KEYS.filter((key) => key in raw));
  }
  const locked = new Set<ManagedKey>();
  for (const name of raw.locked) {
    if (isKey(name)) locked.add(name);
    else
      problems.push(
        `Your organisation locked “${String(name)}”, which isn’t a Vivre setting, so that lock was ignored.`,
      );
  }
  return locked;
}

/** `raw`: what storage.managed answered (an object of the policy's keys), or anything else. */
export function parsePolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const policy = raw as Record<string, unknown>;
  const problems: string[] = [];
  const locked = lockedKeys(policy, problems);
  const values: Partial<Record<ManagedKey, unknown>> = {};
  const broken = new Set<ManagedKey>();

  for (const name of Object.keys(policy)) {
    if (name !== 'locked' && !isKey(name))
      problems.push(
        `Your organisation set “${name}”, which isn’t a Vivre setting, so it was ignored.`,
      );
  }
  for (const key of MANAGED_KEYS) {
    const isLocked = locked.has(key);
    if (!(key in policy)) {
      // A locked list with no entries of the organisation's only freezes the rep's own.
      if (isLocked && key !== 'neverLookup') {
        broken.add(key);
        problems.push(heldSentence(key, 'isn’t set'));
      }
      continue;
    }
    const checked =
      key === 'neverLookup' ? neverLookupEntries(policy[key], problems) : CHECKS[key](policy[key]);
    if (checked.ok) {
      values[key] = checked.value;
      continue;
    }
    const reason = `isn’t valid (${checked.message.replace(/\.$/, '')})`;
    if (isLocked && key !== 'neverLookup') {
      broken.add(key);
      problems.push(heldSentence(key, reason));
    } else {
      problems.push(`Your organisation’s ${LABELS[key]} ${reason}, so it was ignored.`);
    }
  }
  return { values: values as Partial<ManagedValues>, locked, broken, problems };
}

function heldSentence(key: ManagedKey, reason: string): string {
  return (CONNECTION_KEYS as readonly string[]).includes(key)
    ? `Your organisation’s ${LABELS[key]} ${reason}, so Vivre stays disconnected until your admin fixes it.`
    : `Your organisation locked the ${LABELS[key]} but it ${reason}, so it stays at its most private setting until your admin fixes it.`;
}
