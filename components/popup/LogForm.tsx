import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTIVITY_TYPES } from '../../lib/forms/limits';
import {
  buildLogWrites,
  type DealChoice,
  type LogActivityField,
} from '../../lib/forms/log-activity';
import type { FormErrors } from '../../lib/forms/result';
import type { OutboxSummary } from '../../lib/messaging/protocol';
import type { ActivityType } from '../../lib/vivre/contract-types';
import { Field } from '../options/Field';
import { ContactCombobox } from './ContactCombobox';
import { DealFields } from './DealFields';
import { findPageContacts } from './page-contacts';
import type { Draft, PickedContact, PopupServices } from './services';
import { enqueueAll } from './enqueue-all';
import { watchItem } from './sync-outcome';

interface Props {
  services: PopupServices;
  draft: Draft | null;
  recent: PickedContact[];
  /** Why logging is off (read-only key…), or null when the rep may log. */
  disabledReason: string | null;
  onOutbox: (outbox: OutboxSummary) => void;
}

const TYPE_NAMES: Record<ActivityType, string> = {
  call: 'Call',
  note: 'Note',
  meeting: 'Meeting',
  email: 'Email',
};
type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export function LogForm({ services, draft, recent, disabledReason, onOutbox }: Props) {
  const [contact, setContact] = useState(draft?.contact ?? null);
  const [pageContacts, setPageContacts] = useState<PickedContact[]>([]);
  const [type, setType] = useState<ActivityType>(draft?.type ?? 'call');
  const [note, setNote] = useState(draft?.note ?? '');
  const [deal, setDeal] = useState<DealChoice>({ kind: 'none' });
  const [errors, setErrors] = useState<FormErrors<LogActivityField>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const [recentContacts, setRecentContacts] = useState(recent);
  const chosenByRep = useRef(Boolean(draft?.contact));
  const watching = useRef(new AbortController());

  useEffect(() => {
    void findPageContacts(services).then((found) => {
      setPageContacts(found);
      if (!chosenByRep.current && found[0]) setContact(found[0]);
    });
    return () => watching.current.abort();
  }, []);

  // The draft exists only while there is something written to lose.
  useEffect(() => {
    void (note.trim() ? services.draft.save({ contact, type, note }) : services.draft.clear());
  }, [contact, type, note]);

  function select(next: PickedContact | null) {
    chosenByRep.current = true;
    if (next?.id !== contact?.id) setDeal({ kind: 'none' });
    setContact(next);
  }

  async function submit() {
    if (disabledReason || saving) return;
    const built = buildLogWrites(
      { contactId: contact?.id ?? null, type, note, deal },
      { newTempId: () => `tmp_${crypto.randomUUID()}`, now: () => new Date() },
    );
    setErrors(built.ok ? {} : built.errors);
    if (!built.ok)
      return setOutcome({ tone: 'error', text: 'Fix the fields marked below; nothing was sent.' });
    setSaving(true);
    const result = await enqueueAll(services.ask, built.writes);
    setSaving(false);
    if (!result.ok) return setOutcome({ tone: 'error', text: result.message });
    setOutcome({ tone: 'ok', text: result.synced ? 'Synced' : 'Saved — will sync' });
    setNote('');
    setDeal({ kind: 'none' });
    await services.draft.clear();
    if (contact) {
      await services.recentContacts.remember(contact);
      setRecentContacts([contact, ...recentContacts.filter((c) => c.id !== contact.id)]);
    }
    if (result.synced) return;
    void services.ask('flushOutbox');
    const sync = await watchItem(
      services.ask,
      result.activityItemId,
      onOutbox,
      watching.current.signal,
    );
    if (sync.state === 'synced') setOutcome({ tone: 'ok', text: 'Synced' });
    if (sync.state === 'attention')
      setOutcome({ tone: 'error', text: `Needs attention: ${sync.reason}` });
  }

  return (
    <form
      class="log-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <ContactCombobox
        selected={contact}
        onSelect={select}
        recent={recentContacts}
        ask={services.ask}
        error={errors.contact}
      />
      {pageContacts.length > 1 ? (
        <div class="page-contacts" role="group" aria-label="Others on this email">
          {pageContacts
            .filter((c) => c.id !== contact?.id)
            .map((c) => (
              <button key={c.id} type="button" class="chip" onClick={() => select(c)}>
                {c.name}
              </button>
            ))}
        </div>
      ) : null}
      <Field id="type" label="Type">
        {(control) => (
          <select
            {...control}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as ActivityType)}
          >
            {ACTIVITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_NAMES[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="note" label="Note" error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </Field>
      <DealFields
        contactId={contact?.id ?? null}
        value={deal}
        onChange={setDeal}
        ask={services.ask}
        errors={errors}
      />
      <button
        type="submit"
        disabled={Boolean(disabledReason) || saving}
        title={disabledReason ?? 'Ctrl+Enter'}
      >
        Log activity
      </button>
      <p role="status" class={outcome?.tone ?? ''}>
        {outcome?.text}
      </p>
    </form>
  );
}
