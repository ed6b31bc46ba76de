/**
 * The role of each recipient of a thread message, read from the words Gmail writes before them:
 * the recipient line ("to A, B, cc: C", "to bcc: me") and the "Show details" table (one row per
 * "from:", "to:", "cc:", "bcc:"). No attribute says which is which, so these words are the one
 * place Vivre reads Gmail's text; they come in Gmail's main UI languages. Addresses written as
 * text ("<to@x.example>") are removed first, so an address is never taken for a label.
 *
 * The English, Spanish ("de:", "para:") and Russian words are as Gmail writes them in public
 * captures; the others are Gmail's translations, kept here as data and checked by the locale
 * fixtures (tests/fixtures/gmail/locales.ts).
 */
import type { ParticipantRole } from '../../shared/people';
import { closestSafe } from './query';
import { ADDRESS_HOLDER } from './selectors';

/** 'reply' marks a "reply-to:" row: the people after it are not recipients. */
export type LabelRole = ParticipantRole | 'reply';

/** The words of each role, in Gmail's main UI languages; longer phrases before their parts. */
const WORDS: Record<LabelRole, readonly string[]> = {
  reply: [
    'reply-to',
    'antwort an',
    'responder a',
    'répondre à',
    'rispondi a',
    'antwoord aan',
    'odpowiedz do',
    'ответить',
    'відповісти',
    'जवाब दें',
    'الرد على',
    'השב אל',
    '返信先',
    '回复',
    '回覆',
    '답장받을 주소',
    'yanıtla',
    'balas ke',
    'trả lời',
  ],
  bcc: [
    'bcc',
    'cco',
    'cci',
    'ccn',
    'udw',
    'скрытая копия',
    'прихована копія',
    'गुप्त प्रतिलिपि',
    'نسخة مخفية',
    'עותק מוסתר',
    '密送',
    '密件副本',
    '숨은참조',
    'gizli',
    'bcc',
  ],
  cc: ['cc', 'dw', 'копия', 'копія', 'प्रतिलिपि', 'نسخة', 'עותק', '抄送', '副本', '참조', 'bilgi'],
  sender: [
    'from',
    'von',
    'de',
    'da',
    'van',
    'od',
    'от',
    'від',
    'प्रेषक',
    'من',
    'מאת',
    '差出人',
    '送信者',
    '发件人',
    '寄件者',
    '보낸사람',
    'gönderen',
    'dari',
    'từ',
  ],
  to: [
    'to',
    'an',
    'para',
    'à',
    'a',
    'aan',
    'do',
    'кому',
    'प्रति',
    'को',
    'إلى',
    'אל',
    '宛先',
    '收件人',
    '收件者',
    '받는사람',
    'alıcı',
    'kepada',
    'đến',
  ],
};

const ROLE_OF = new Map<string, LabelRole>();
for (const [role, words] of Object.entries(WORDS) as [LabelRole, readonly string[]][]) {
  for (const word of words) if (!ROLE_OF.has(word)) ROLE_OF.set(word, role);
}
const ALTERNATIVES = [...ROLE_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// A word on its own: no letter, mark or digit on either side (\b knows only ASCII).
const LABEL = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(${ALTERNATIVES})(?![\\p{L}\\p{M}\\p{N}])`,
  'giu',
);
const ADDRESS_TEXT = /\S+@\S+/g;

/**
 * The role the last label word in `text` sets, if any. LABEL itself runs (`replace` runs the
 * object; `matchAll` a copy): V8 keeps a regular expression's compiled code on the object, and a
 * copy finds it again only while its cache holds it.
 */
export function roleOfText(text: string): LabelRole | null {
  let last = '';
  text.replace(ADDRESS_TEXT, '').replace(LABEL, (_, word: string) => (last = word));
  return ROLE_OF.get(last.toLowerCase()) ?? null;
}

/**
 * Compiles the label matcher ahead of need. V8 compiles a regular expression at its first use,
 * once for one-byte text and once for two-byte text: this one, every label of every language,
 * costs ~2 ms each time, which fell on the first thread a new tab showed, before its lookups
 * were asked. Call it when the tab is idle. V8 may drop compiled code left unused a long while,
 * so a tab that opens its first thread much later can pay it again.
 */
export function prepareRoleWords(): void {
  // Twice each: V8 may interpret a first run and compile the next.
  for (const text of ['to', 'to', 'кому', 'кому']) roleOfText(text);
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * Walks `scope` in page order and gives each of `people` the role of the last label before it;
 * `null` where no label came first. Labels inside an address holder are names, never labels.
 */
export function labelledRoles(
  scope: Element,
  people: readonly Element[],
): Map<Element, LabelRole | null> {
  const roles = new Map<Element, LabelRole | null>();
  const pending = new Set(people);
  const walker = scope.ownerDocument.createTreeWalker(scope, SHOW_ELEMENT_AND_TEXT);
  let role: LabelRole | null = null;
  for (let node = walker.nextNode(); node && pending.size > 0; node = walker.nextNode()) {
    if (pending.has(node as Element)) {
      roles.set(node as Element, role);
      pending.delete(node as Element);
    } else if (node.nodeType === 3 && !inAddressHolder(node)) {
      role = roleOfText(node.textContent ?? '') ?? role;
    }
  }
  return roles;
}

function inAddressHolder(text: Node): boolean {
  return Boolean(text.parentElement && closestSafe(text.parentElement, ADDRESS_HOLDER));
}
