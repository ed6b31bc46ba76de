import type { PageOnTab } from './services-type';

export const UNREADABLE_VIEW = "Vivre can't read this Gmail view — logging from here still works.";

interface Props {
  page: PageOnTab;
  onUseSubject: (subject: string) => void;
}

/**
 * Gmail shows a thread or compose that Vivre cannot read (Gmail changed its page): say so rather
 * than show an empty form as if nobody were there, and offer what the tab's title still gives.
 * People the title names reach the form as page contacts, like any other.
 */
export function UnreadableViewNotice({ page, onUseSubject }: Props) {
  if (!page.unreadable) return null;
  const { subject } = page;
  return (
    <div class="page-notice" role="note">
      <p>{UNREADABLE_VIEW}</p>
      {subject ? (
        <button type="button" class="chip" onClick={() => onUseSubject(subject)}>
          Add the subject to the note: {subject}
        </button>
      ) : null}
    </div>
  );
}
