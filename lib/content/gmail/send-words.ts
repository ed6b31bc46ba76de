/**
 * The word on Gmail's Send button in its main UI languages, for the last-resort Send selector in
 * ./selectors.ts (aria-label "Отправить": real 2020 capture, forestsilence/GmailPageFactoryTest
 * @88a0be8; the others are Gmail's published UI words, not captures). Words, not selectors: a list
 * to extend when a locale is missing.
 */
export const SEND_WORDS = [
  'Send',
  'Senden',
  'Enviar',
  'Envoyer',
  'Invia',
  'Verzenden',
  'Wyślij',
  'Отправить',
  'Надіслати',
  'भेजें',
  'إرسال',
  'שליחה',
  'Gönder',
  'Kirim',
  'Gửi',
  '送信',
  '发送',
  '傳送',
  '보내기',
];
