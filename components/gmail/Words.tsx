/**
 * Words shown in one of our closed roots in Gmail's page. They are drawn by CSS from the
 * attribute (`[data-words]::after`, in each root's styles), never put there as text:
 * `window.find()` matches text even in a closed root, and in Firefox it hands page script the
 * text node it found, and with it the root and everything in it (whom an email is logged for,
 * a contact's deal titles). Screen readers read the drawn words as they read text.
 */
export function Words({ text }: { text: string }) {
  return <span data-words={text} />;
}
