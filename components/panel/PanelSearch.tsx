/**
 * Finding anyone in Vivre from the panel: the popup's search box (Vivre's search, ranked the way
 * a rep reads a name, ../popup/rank-contacts.ts), the people on the email offered first.
 */
import type { Ask } from '../../lib/shared/messaging/messenger';
import type { PickedContact } from '../../lib/shared/storage/table';
import { ContactCombobox } from '../popup/ContactCombobox';

export function PanelSearch(props: {
  chosen: PickedContact | null;
  onChoose: (contact: PickedContact | null) => void;
  /** The people on the email who are in Vivre. */
  onPage: PickedContact[];
  ask: Ask;
  offline: boolean;
}) {
  return (
    <section class="search" aria-label="Search Vivre">
      <ContactCombobox
        label="Find a contact in Vivre"
        selected={props.chosen}
        onSelect={props.onChoose}
        recent={[]}
        onPage={props.onPage}
        ask={props.ask}
        autoFocus={false}
        offline={props.offline}
      />
    </section>
  );
}
