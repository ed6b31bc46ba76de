/**
 * Issue 24 from a Gmail tab, the same in both browsers: what a page driving our content script
 * can make it do (flood the worker with held sends, write storage.local), run in the content
 * script's own world, and what reaches Vivre. Each browser's test file gives its way into that
 * world (`InContentScript`), asserts on what these answer, and pairs them with what the rep does.
 */
import { randomUUID } from 'node:crypto';
import type { Contact } from '@/lib/shared/vivre/contract-types';
import { ENQUEUE_BURST, ENQUEUE_PER_SECOND } from '@/lib/worker/outbox/enqueue-rate';
import { DEEPA, RAHUL, SNEHA } from '../../factories';
import { askAsContentScript, floodHeldSends, writeStorageLocal } from './content-script-acts';
import { askWorkerOk, type ExtensionPage } from './messaging';
import { outboxIsEmpty } from './outbox';
import type { TestSandbox } from './sandbox';
import { waitFor } from './wait';

/** Runs one of ./content-script-acts.ts's functions in the content script's world of a Gmail tab. */
export type InContentScript = <A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  ...args: A
) => Promise<R>;

export interface TrustContext {
  sandbox: TestSandbox;
  inContentScript: InContentScript;
  /** The options page: the rep's settings, and the outbox feed, are read and set from it. */
  options: ExtensionPage;
}

/** compose-send's rep; Arjun is on its To line and not in Vivre. */
const SIGNED_IN = 'meera.rep@seller.example';
export const ARJUN = { email: 'arjun.patel@bluestone.example', name: 'Arjun Patel' };
/** thread-expanded-2025's first message. */
export const FIRST_MESSAGE_ID = '#msg-f:1840959905192440233';

const person = ({ email, name }: Contact) => ({ email, name });

/** The `email` activities of `contact` whose note starts with `subject`. */
export async function emailsWithSubject(sandbox: TestSandbox, contact: Contact, subject: string) {
  const activities = await sandbox.activitiesOf(contact.id);
  return activities.filter((a) => a.type === 'email' && a.note?.startsWith(`${subject}\n\n`));
}

/** Waits until the outbox has drained and each contact holds the email; then each one's copies. */
export async function copiesOnceSynced(
  { sandbox, options }: Pick<TrustContext, 'sandbox' | 'options'>,
  subject: string,
  contacts: Contact[],
): Promise<number[]> {
  const copies = () =>
    Promise.all(contacts.map(async (c) => (await emailsWithSubject(sandbox, c, subject)).length));
  await waitFor(
    async () => (await outboxIsEmpty(options)) && (await copies()).every((n) => n > 0),
    `"${subject}" to reach Vivre`,
    { timeoutMs: 90_000, intervalMs: 250 },
  );
  return copies();
}

/**
 * 400 held sends for Sneha from one tab, each settled "sent" the moment it is held. Answers the
 * flood, the tab's budget over the time it took (its burst and the refill) and the copies in Vivre.
 */
export async function floodOfHeldSends(context: TrustContext) {
  const subject = `flood ${randomUUID().slice(0, 8)}`;
  const email = {
    people: [person(SNEHA)],
    signedInEmail: SIGNED_IN,
    subject,
    bodyText: 'x',
    dealIds: { [SNEHA.id]: null },
  };
  const flood = await context.inContentScript(floodHeldSends, 400, email);
  const budget = ENQUEUE_BURST + Math.ceil(flood.seconds * ENQUEUE_PER_SECOND);
  const [copies] = flood.held > 0 ? await copiesOnceSynced(context, subject, [SNEHA]) : [0];
  return { flood, budget, copies };
}

/** A send held from the content script's world; settled "sent" at once unless `leftToAlarm`. */
async function holdSend(
  { inContentScript }: TrustContext,
  subject: string,
  people: { email: string; name: string | null }[],
  { leftToAlarm = false } = {},
): Promise<string[] | null> {
  const sendId = `send-${randomUUID()}`;
  const email = { people, signedInEmail: SIGNED_IN, subject, bodyText: 'y'.repeat(4000) };
  const commitAt = Date.now() + 35_000;
  const held = await inContentScript(askAsContentScript, 'holdEmailLog', {
    sendId,
    commitAt,
    email,
  });
  if (!held.ok) throw new Error(`The worker did not hold "${subject}": ${JSON.stringify(held)}`);
  if (leftToAlarm) return null;
  const settled = await inContentScript(askAsContentScript, 'settleEmailLog', {
    sendId,
    outcome: 'sent',
  });
  return settled.ok ? (settled.value as { loggedFor: string[] }).loggedFor : null;
}

/** What the content script's world is told about the rep's settings and the logged marks. */
async function seenFromGmail({ inContentScript }: TrustContext) {
  const prefs = await inContentScript(askAsContentScript, 'getEmailLoggingPrefs');
  const lookups = await inContentScript(askAsContentScript, 'lookupContacts', {
    emails: [DEEPA.email],
  });
  const logged = await inContentScript(askAsContentScript, 'getLoggedEmails', {
    messageIds: [FIRST_MESSAGE_ID],
  });
  return { prefs, lookups, logged };
}

/** The rep's settings: Deepa's company never looked up, nothing logged by default, nobody added. */
const REP_LOGGING = { logEmailsByDefault: false, excerptLength: 500, addUnknownRecipients: false };
const DEEPAS_COMPANY = DEEPA.email.split('@')[1]!;

/** What a page would have our content script write into storage.local to steer the worker. */
function forgeries(forgedSubject: string) {
  const note = `${forgedSubject}\n\nforged`;
  return {
    privacy: { autoLookup: true, neverLookup: [], ownDomain: null, skipOwnDomain: false },
    'email-logging': { logEmailsByDefault: true, excerptLength: 5000, addUnknownRecipients: true },
    'logged-messages': { [FIRST_MESSAGE_ID]: Date.now() },
    'held-email-logs': {
      forged: {
        email: { people: [person(RAHUL)], signedInEmail: SIGNED_IN, subject: forgedSubject },
        plan: { note, log: [{ contactId: RAHUL.id, dealId: null }], add: [], loggedFor: [] },
        connection: { baseUrl: '', workspaceId: 'ws_demo', keyFingerprint: '' },
        commitAt: 0,
      },
    },
  };
}

/**
 * The rep's settings, then a page's forged storage.local and a send held after it: answers
 * what Gmail is told, whom the send was logged for and what reached Vivre. A second send is left
 * to the worker's alarm: once it has reached Vivre, the alarm has run, and any held send it took
 * (the forged one, were it trusted) would have been logged too.
 */
export async function afterForgedStorage(context: TrustContext) {
  const { sandbox, inContentScript, options } = context;
  await askWorkerOk(options, 'savePrivacy', { autoLookup: true, neverLookup: [DEEPAS_COMPANY] });
  await askWorkerOk(options, 'saveEmailLogging', REP_LOGGING);
  // Held sends are read at the worker's start; the logged marks on a thread's first look.
  await inContentScript(askAsContentScript, 'getLoggedEmails', { messageIds: [] });

  const run = randomUUID().slice(0, 8);
  const [forged, sent, alarmed] = [`forged ${run}`, `sent ${run}`, `alarmed ${run}`];
  await inContentScript(writeStorageLocal, forgeries(forged));
  const contacts = (await sandbox.counts()).contacts;
  const seen = await seenFromGmail(context);
  const loggedFor = await holdSend(context, sent, [person(SNEHA), person(DEEPA), ARJUN]);
  await holdSend(context, alarmed, [person(SNEHA)], { leftToAlarm: true });
  await copiesOnceSynced(context, alarmed, [SNEHA]);
  return {
    seen,
    loggedFor,
    inVivre: {
      sneha: await emailsWithSubject(sandbox, SNEHA, sent),
      deepa: (await emailsWithSubject(sandbox, DEEPA, sent)).length,
      forged: (await emailsWithSubject(sandbox, RAHUL, forged)).length,
      contactsAdded: (await sandbox.counts()).contacts - contacts,
    },
  };
}

/** Then the rep changes the same settings in options, through the worker, and logs a message. */
export async function afterOptionsChange(context: TrustContext) {
  const { sandbox, inContentScript, options } = context;
  await askWorkerOk(options, 'savePrivacy', { autoLookup: true, neverLookup: [] });
  await askWorkerOk(options, 'saveEmailLogging', {
    ...REP_LOGGING,
    logEmailsByDefault: true,
    addUnknownRecipients: true,
  });
  const run = randomUUID().slice(0, 8);
  const message = { people: [person(RAHUL)], signedInEmail: SIGNED_IN, subject: `message ${run}` };
  await inContentScript(askAsContentScript, 'logEmail', {
    ...message,
    bodyText: 'z',
    messageId: FIRST_MESSAGE_ID,
  });
  const contacts = (await sandbox.counts()).contacts;
  const seen = await seenFromGmail(context);
  const loggedFor = await holdSend(context, `sent ${run}`, [person(SNEHA), person(DEEPA), ARJUN]);
  const copies = await copiesOnceSynced(context, `sent ${run}`, [SNEHA, DEEPA]);
  return { seen, loggedFor, copies, contactsAdded: (await sandbox.counts()).contacts - contacts };
}
