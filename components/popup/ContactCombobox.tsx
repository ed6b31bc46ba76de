import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../common/Field';
import { rankContacts } from './rank-contacts';
import type { PickedContact, PopupServices } from './services-type';
import { pickContact } from './services-type';

interface Props {
  selected: PickedContact | null;
  onSelect: (contact: PickedContact | null) => void;
  /** Most recent first. */
  recent: PickedContact[];
  /** The people on the open email who are in Vivre. */
  onPage: PickedContact[];
  ask: PopupServices['ask'];
  error?: string;
  /** What the box is called (the popup's "Contact"). */
  label?: string;
  /** Focus the box when the popup opens, its text selected so typing replaces it. */
  autoFocus: boolean;
  offline: boolean;
}

const SEARCH_DELAY_MS = 150;

const unique = (contacts: PickedContact[]) =>
  contacts.filter((c, i) => contacts.findIndex((o) => o.id === c.id) === i);

/**
 * Type-ahead over Vivre's contact search (ARIA 1.2 combobox). Empty: the people on the open
 * email, then recent contacts. Typed: those and Vivre's answers, ranked by name
 * (rank-contacts.ts), each with email and company so two Deepas cannot be confused.
 */
export function ContactCombobox(props: Props) {
  const { selected, onSelect, recent, onPage, ask, error, autoFocus, offline } = props;
  const [text, setText] = useState(selected?.name ?? '');
  const [found, setFound] = useState<PickedContact[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef('');

  useLayoutEffect(() => {
    if (!autoFocus) return;
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    if (!selected) return;
    setText(selected.name);
    setOpen(false);
    if (input.current && document.activeElement === input.current) input.current.select();
  }, [selected?.id]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const query = selected ? '' : text.trim();
  const options = query
    ? rankContacts([...onPage, ...recent, ...found], query, { onPage, recent })
    : unique([...onPage, ...recent]).filter((c) => c.id !== selected?.id);

  function search(value: string) {
    clearTimeout(timer.current);
    latest.current = value;
    setFound([]);
    setNote('');
    if (!value) return;
    timer.current = setTimeout(async () => {
      setNote('Searching…');
      const answer = await ask('searchContacts', { query: value });
      if (latest.current !== value) return; // A newer keystroke owns the list now.
      const contacts = answer.ok ? answer.value.map(pickContact) : [];
      setFound(contacts);
      if (!answer.ok && answer.error.kind === 'offline')
        setNote(`You’re offline, and no one saved on this computer matches “${value}”.`);
      else if (!answer.ok) setNote(answer.error.message);
      else if (contacts.length === 0) setNote(`No one in Vivre matches “${value}”.`);
      else setNote(offline ? 'Offline — showing people saved on this computer.' : '');
    }, SEARCH_DELAY_MS);
  }

  function choose(contact: PickedContact) {
    onSelect(contact);
    setText(contact.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey) return; // Ctrl/Cmd+Enter submits the form.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + step)));
    } else if (event.key === 'Enter') {
      // Never submit from the search box: Enter here means "pick this one" (the first by default).
      event.preventDefault();
      const pick = options[active] ?? (query ? options[0] : undefined);
      if (open && pick) choose(pick);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const expanded = open && options.length > 0;
  return (
    <Field
      id="contact"
      label={props.label ?? 'Contact'}
      error={error}
      hint={open && note ? note : undefined}
    >
      {(control) => (
        <div class="combobox">
          <input
            {...control}
            ref={input}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls="contact-listbox"
            aria-activedescendant={expanded && active >= 0 ? `contact-option-${active}` : undefined}
            autoComplete="off"
            spellcheck={false}
            placeholder="Search by name, email or company"
            value={text}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setText(value);
              setOpen(true);
              setActive(-1);
              if (selected) onSelect(null);
              search(value.trim());
            }}
            onFocus={() => !selected && setOpen(true)}
            onMouseDown={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul id="contact-listbox" role="listbox" aria-label="Contacts" hidden={!expanded}>
            {options.map((contact, index) => (
              <li
                key={contact.id}
                id={`contact-option-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(contact)}
              >
                <span class="option-name">{contact.name}</span>{' '}
                <span class="option-meta">
                  {[contact.email, contact.company].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
