// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/pages/popup/Popup';
import { popupDraftItem as draftItem } from '../../../src/shared/storage';
import { readPopupStart } from '../../../src/shared/storage-at-open';
import { makeServices, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

/** The popup as it opens for real: this browser's storage already read when its script runs. */
async function openWithStorageRead() {
  const local = await readPopupStart();
  const services = {
    ...makeServices(scriptWorker()),
    localIfRead: () => local,
    markInteractive: vi.fn(),
    markDrawn: vi.fn(),
  };
  render(<Popup services={services} />);
  return services;
}

describe('popup first frame', () => {
  it('renders and focuses the contact box before the rest of the form, which follows a frame later', async () => {
    const services = await openWithStorageRead();
    const contact = screen.getByRole('combobox', { name: 'Contact' });
    expect(document.activeElement).toBe(contact);
    expect(services.markInteractive).toHaveBeenCalledOnce();
    // Not yet: the rest is drawn in the next animation frame, before that frame paints.
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    expect(services.markDrawn).not.toHaveBeenCalled();

    await waitFor(() => expect(services.markDrawn).toHaveBeenCalledOnce());
    expect(screen.getByRole('radiogroup', { name: 'Type' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Note' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log activity' })).toBeTruthy();
    // Drawing the rest does not take the focus away from the box the rep is typing in.
    expect(document.activeElement).toBe(contact);
  });

  it('draws the whole form at once when a draft note takes the focus', async () => {
    await draftItem.setValue({ contact: null, type: 'note', note: 'Half a thought' });
    const services = await openWithStorageRead();
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(note.value).toBe('Half a thought');
    expect(document.activeElement).toBe(note);
    expect(services.markDrawn).toHaveBeenCalledOnce();
  });
});
