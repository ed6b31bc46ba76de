import type { PickedContact } from './services-type';

interface Props {
  contacts: PickedContact[];
  selectedId: string | undefined;
  onSelect: (contact: PickedContact) => void;
}

/** The other people on the open email who are in Vivre, one click away. */
export function PageContactChoices({ contacts, selectedId, onSelect }: Props) {
  const others = contacts.filter((c) => c.id !== selectedId);
  if (others.length === 0) return null;
  return (
    <div class="page-contacts" role="group" aria-label="Others on this email">
      {others.map((c) => (
        <button key={c.id} type="button" class="chip" onClick={() => onSelect(c)}>
          {c.name}
        </button>
      ))}
    </div>
  );
}
