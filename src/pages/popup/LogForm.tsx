import { useEffect, useRef, useState } from 'preact/hooks';
import {
  buildLogWrites,
  type DealChoice,
  type LogActivityField,
} from '../../shared/forms/log-activity';
import type { FormErrors } from '../../shared/forms/result';
import type { ActivityType } from '../../shared/vivre/contract-types';
import { ACTIVITY_CHOICES, ACTIVITY_WORDS } from '../../shared/labels';
import { SelectField, TextField } from '../../ui/Field';
import { ContactCombobox } from './ContactCombobox';
import { DealFields } from './DealFields';
import { PageContactChoices } from './PageContactChoices';
import { findPageContacts } from './page-contacts';
import { NO_PAGE, type Draft, type PickedContact, type PopupServices } from './services-type';
import { UnreadableViewNotice } from './UnreadableViewNotice';
import { enqueueAll } from './enqueue-all';

interface Props {
  services: PopupServices;
  draft: Draft | null;
  recent: PickedContact[];
  /**
   * Why logging is off (read-only key…), or null when the rep may log. Undefined
   * while the worker has not answered yet: the rep can already type, not yet send.
   */
  disabledReason: string | null | undefined;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export function LogForm({ services, draft, recent, disabledReason }: Props) {
  const [contact, setContact] = useState(draft?.contact ?? null);
  const [pageContacts, setPageContacts] = useState<PickedContact[]>([]);
  const [page, setPage] = useState(NO_PAGE);
  const [type, setType] = useState<ActivityType>(draft?.type ?? 'call');
  const [note, setNote] = useState(draft?.note ?? '');
  const [deal, setDeal] = useState<DealChoice>({ kind: 'none' });
  const [errors, setErrors] = useState<FormErrors<LogActivityField>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const [recentContacts, setRecentContacts] = useState(recent);
  const chosenByRep = useRef(Boolean(draft?.contact));
  const watching = useRef(new AbortController());
  // State lags a render behind; a ref stops a double Ctrl+Enter from logging twice.
  const sending = useRef(false);

  useEffect(() => {
    void services.getPage().then(async (onTab) => {
      setPage(onTab);
      const found = await findPageContacts(services, onTab);
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
    if (disabledReason !== null || sending.current) return;
    const built = buildLogWrites(
      { contactId: contact?.id ?? null, type, note, deal },
      { newTempId: () => `tmp_${crypto.randomUUID()}`, now: () => new Date() },
    );
    setErrors(built.ok ? {} : built.errors);
    if (!built.ok)
      return setOutcome({ tone: 'error', text: 'Fix the marked fields above; nothing was sent.' });
    sending.current = true;
    setSaving(true);
    const result = await enqueueAll(services.ask, built.writes);
    sending.current = false;
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
    // Only the latest write's fate is told: following an earlier one stops here.
    watching.current.abort();
    watching.current = new AbortController();
    services.followWrite(result.activityItemId, watching.current.signal, (status) => {
      if (status?.state === 'synced') setOutcome({ tone: 'ok', text: 'Synced' });
      else if (status?.state === 'attention' || status?.error) {
        const reason = status.error?.message ?? 'The server refused it.';
        setOutcome({ tone: 'error', text: `Needs attention: ${reason}` });
      }
    });
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
      <UnreadableViewNotice
        page={page}
        onUseSubject={(subject) =>
          setNote((current) => (current.trim() ? `${subject}\n${current}` : subject))
        }
      />
      <ContactCombobox
        selected={contact}
        onSelect={select}
        recent={recentContacts}
        ask={services.ask}
        error={errors.contact}
      />
      <PageContactChoices contacts={pageContacts} selectedId={contact?.id} onSelect={select} />
      <SelectField
        id="type"
        label="Type"
        value={type}
        onValue={setType}
        choices={ACTIVITY_CHOICES}
        words={ACTIVITY_WORDS}
      />
      <TextField
        id="note"
        label="Note"
        error={errors.note}
        rows={4}
        value={note}
        onValue={setNote}
      />
      <DealFields
        contactId={contact?.id ?? null}
        value={deal}
        onChange={setDeal}
        ask={services.ask}
        errors={errors}
      />
      <button
        type="submit"
        disabled={disabledReason !== null || saving}
        title={disabledReason === undefined ? 'Connecting…' : (disabledReason ?? 'Ctrl+Enter')}
      >
        Log activity
      </button>
      <p role="status" class={outcome?.tone ?? ''}>
        {outcome?.text}
      </p>
    </form>
  );
}
