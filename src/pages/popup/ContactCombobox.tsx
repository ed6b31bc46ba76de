import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../../ui/Field';
import type { PickedContact, PopupServices } from './services-type';
import { pickContact } from './services-type';

interface Props {
  selected: PickedContact | null;
  onSelect: (contact: PickedContact | null) => void;
  recent: PickedContact[];
  ask: PopupServices['ask'];
  error?: string;
}

const SEARCH_DELAY_MS = 200;

function matches(contact: PickedContact, query: string): boolean {
  const q = query.toLowerCase();
  return [contact.name, contact.email, contact.company ?? ''].some((f) =>
    f.toLowerCase().includes(q),
  );
}

/** Type-ahead over Vivre's contact search, recent contacts first (ARIA 1.2 combobox pattern). */
export function ContactCombobox({ selected, onSelect, recent, ask, error }: Props) {
  const [text, setText] = useState(selected?.name ?? '');
  const [found, setFound] = useState<PickedContact[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef('');

  useEffect(() => {
    if (selected) setText(selected.name);
  }, [selected?.id]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const query = selected ? '' : text.trim();
  const recentMatches = query ? recent.filter((c) => matches(c, query)) : recent;
  const options = [
    ...recentMatches,
    ...found.filter((c) => !recentMatches.some((r) => r.id === c.id)),
  ];

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
      setFound(answer.ok ? answer.value.map(pickContact) : []);
      setNote(
        answer.ok
          ? answer.value.length
            ? ''
            : `No one in Vivre matches “${value}”.`
          : answer.error.message,
      );
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
      // Never submit from the search box: Enter here means "pick this one".
      event.preventDefault();
      if (open && options[active]) choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const expanded = open && options.length > 0;
  return (
    <Field id="contact" label="Contact" error={error} hint={open && note ? note : undefined}>
      {(control) => (
        <div class="combobox">
          <input
            {...control}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls="contact-listbox"
            aria-activedescendant={expanded && active >= 0 ? `contact-option-${active}` : undefined}
            autoComplete="off"
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
            onFocus={() => setOpen(true)}
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
                {contact.name} <span class="muted">{contact.company || contact.email}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
