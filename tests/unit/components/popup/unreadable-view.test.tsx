// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { found, RAHUL } from '../../../factories';
import { makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const NOTICE = "Vivre can't read this Gmail view — logging from here still works.";
const note = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;

describe('popup on a Gmail view Vivre cannot read', () => {
  it('says so, offers the subject from the title, and still logs for the people it names', async () => {
    const ask = scriptWorker({
      lookupContacts: () => ({ ok: true, value: { [RAHUL.email]: found(RAHUL) } }),
    });
    const services = makeServices(ask, [{ email: RAHUL.email, name: null, role: 'to' }], {
      unreadable: 'thread',
      subject: 'PO-4471 – revised delivery schedule',
    });
    await renderPopup(services);
    expect((await screen.findByRole('note')).textContent).toContain(NOTICE);
    // The person the title names is in Vivre: preselected, as on a page that was read.
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    fireEvent.input(note(), { target: { value: 'Called about it' } });
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Add the subject to the note: PO-4471 – revised delivery schedule',
      }),
    );
    expect(note().value).toBe('PO-4471 – revised delivery schedule\nCalled about it');
    expect(screen.getByRole('button', { name: 'Log activity' })).toBeTruthy();
  });

  it('says nothing of the kind where Gmail’s page was read', async () => {
    await renderPopup(makeServices(scriptWorker(), [], { subject: 'PO-4471' }));
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});
