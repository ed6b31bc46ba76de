// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  findOfferedUndo,
  isMessageSentShown,
  isUndoOffered,
  undoLinkOf,
} from '@/lib/content/gmail/page';

/**
 * Gmail's sent notice as compose-send.html lays it out (span.aT > span.bAq words + span.bAo with
 * span#link_undo[param] and span#link_vsm), in Gmail's UI languages: the words are glue, the ids
 * are Gmail's own and the same in every language.
 */
function notice(words: string, undo: string, view: string | null, undoHidden = false): Document {
  const doc = document.implementation.createHTMLDocument('Inbox - rep@acme.example - Gmail');
  const bar = doc.body.appendChild(doc.createElement('div'));
  bar.className = 'b8 UC';
  bar.setAttribute('role', 'alert');
  const vh = bar.appendChild(doc.createElement('div'));
  vh.className = 'vh';
  const line = vh.appendChild(doc.createElement('span'));
  line.className = 'aT';
  line.append(Object.assign(doc.createElement('span'), { className: 'bAq', textContent: words }));
  const links = line.appendChild(Object.assign(doc.createElement('span'), { className: 'bAo' }));
  const undoLink = links.appendChild(
    Object.assign(doc.createElement('span'), { id: 'link_undo', textContent: undo }),
  );
  undoLink.setAttribute('param', '#thread-a:r-42');
  if (undoHidden) undoLink.style.visibility = 'hidden';
  if (view) {
    links.append(Object.assign(doc.createElement('span'), { id: 'link_vsm', textContent: view }));
  }
  return doc;
}

describe('Gmail’s sent notice in any UI language', () => {
  it.each([
    ['de', 'Nachricht gesendet', 'Rückgängig machen', 'Nachricht ansehen'],
    ['es', 'Mensaje enviado', 'Deshacer', 'Ver mensaje'],
    ['hi', 'संदेश भेजा गया', 'पहले जैसा करें', 'संदेश देखें'],
    ['ru', 'Письмо отправлено', 'Отменить', 'Просмотреть сообщение'],
    ['ar', 'تم إرسال الرسالة', 'تراجع', 'عرض الرسالة'],
  ])(
    '%s: is read by Gmail’s link ids, offers Undo, then only View once Undo is withdrawn',
    (_, words, undo, view) => {
      const open = notice(words, undo, view);
      expect(isMessageSentShown(open)).toBe(true);
      expect(isUndoOffered(open)).toBe(true);
      expect(undoLinkOf(findOfferedUndo(open))?.id).toBe('link_undo');

      const spent = notice(words, undo, view, true);
      expect(isUndoOffered(spent)).toBe(false);
      expect(isMessageSentShown(spent)).toBe(true);
    },
  );

  it('takes no notice without Gmail’s links for a sent one, whatever its words say', () => {
    const doc = notice('Message sent', 'Undo', null, true);
    expect(isMessageSentShown(doc)).toBe(false);
  });
});
