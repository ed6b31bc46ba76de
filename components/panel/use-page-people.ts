/**
 * The followed page's people with their answers from Vivre: one lookup message for all of them
 * (split only past what one message takes), sent as the page arrives, so a switch of tab or thread
 * is drawn one worker round trip later. Until then the last page's people stay, rather than a blank.
 */
import { useEffect, useState } from 'preact/hooks';
import { lookupAll } from '../../lib/shared/messaging/lookup-batches';
import type { Ask } from '../../lib/shared/messaging/messenger';
import { addressesByRole } from '../popup/page-contacts';
import { peopleOnPage, type PanelPerson } from './page-people';
import type { PanelPage } from './services-type';

export interface PagePeople {
  /** The page these people are of (null: a tab with no Gmail page to read). */
  page: PanelPage | null;
  people: PanelPerson[];
}

/** `undefined` until the first page is answered. `refresh` asks again (a person was added). */
export function usePagePeople(page: PanelPage | null | undefined, ask: Ask) {
  const [shown, setShown] = useState<PagePeople | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (page === undefined) return;
    const emails = page ? addressesByRole(page.participants) : [];
    if (!page || emails.length === 0) return setShown({ page, people: [] });
    let current = true;
    void lookupAll(ask, emails, { signedInEmail: page.signedIn }).then((answers) => {
      if (current) setShown({ page, people: peopleOnPage(page.participants, answers) });
    });
    return () => {
      current = false;
    };
  }, [page, asked]);
  return { shown, refresh: () => setAsked((n) => n + 1) };
}
