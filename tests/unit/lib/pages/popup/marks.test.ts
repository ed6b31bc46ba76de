// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { markWhenShown } from '@/lib/pages/popup/marks';

const MARK = 'test-popup-shown';
const marks = () => performance.getEntriesByName(MARK, 'mark');

/** A document whose visibility the test sets, as Chrome does for a toolbar popup. */
function pageStartingHidden() {
  const doc = document.implementation.createHTMLDocument('popup');
  let hidden = true;
  Object.defineProperty(doc, 'hidden', { get: () => hidden });
  return {
    doc,
    show() {
      hidden = false;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

afterEach(() => performance.clearMarks(MARK));

describe('markWhenShown', () => {
  it('waits while the browser keeps the page hidden, then marks when it shows it, once', () => {
    const page = pageStartingHidden();
    markWhenShown(MARK, page.doc);
    expect(marks()).toHaveLength(0);
    page.show();
    page.show();
    expect(marks()).toHaveLength(1);
  });

  it('marks at once when the page is already shown (a popup.html opened in a tab)', () => {
    markWhenShown(MARK, document);
    expect(marks()).toHaveLength(1);
  });
});
