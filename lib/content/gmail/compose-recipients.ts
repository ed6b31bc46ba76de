/**
 * The To/Cc/Bcc fields of compose windows and inline replies, and the recipients they show: the
 * chips Gmail made of addresses, and addresses typed but not yet turned into chips.
 */
import { parseAddress } from '../../shared/address';
import type { Participant, ParticipantAnchor, ParticipantRole } from '../../shared/people';
import { dedupeByEmail, displayName, isSignedIn, parseTypedAddresses } from './address';
import {
  closestSafe,
  isReadable,
  matchesSafe,
  outermost,
  queryNewestFirst,
  safeQueryAll,
} from './query';
import {
  COMPOSE_FORM,
  HIDDEN_INPUT,
  RECIPIENT_CHIP,
  RECIPIENT_FIELD,
  RECIPIENT_LIST,
  RECIPIENT_SUMMARY,
  RECIPIENT_TYPING,
} from './selectors';

/** Whether `node` holds a To/Cc/Bcc field, shown or not (a hidden input is no field). */
export function hasRecipientField(node: Element): boolean {
  return safeQueryAll(node, RECIPIENT_FIELD).some((field) => !matchesSafe(field, HIDDEN_INPUT));
}

/** The To/Cc/Bcc fields a rep can see in `root`, nested ones included. */
export function findRecipientFields(root: ParentNode): Element[] {
  return safeQueryAll(root, RECIPIENT_FIELD).filter(
    (field) => !matchesSafe(field, HIDDEN_INPUT) && isReadable(field),
  );
}

/**
 * Every recipient of every open compose window and inline reply, one entry per element: the chips
 * of each To/Cc/Bcc field, then an address typed into the field but not yet turned into a chip.
 * The role is the `name` of the enclosing field. Once Gmail folds the fields into their one-line
 * summary, the summary's copy of each chip is where the rep sees them, with the field's role.
 * Compose has no sender to report: it is the rep.
 */
export function findComposeAnchors(
  root: ParentNode,
  signedIn?: string | null,
): ParticipantAnchor[] {
  const anchors: ParticipantAnchor[] = [];
  for (const field of outermost(findRecipientFields(root))) {
    const role = roleOfField(field);
    anchors.push(...readChips(field, role), ...readTyped(field, role));
  }
  anchors.push(...readSummaries(root, anchors));
  return anchors.filter((anchor) => !isSignedIn(anchor.email, signedIn));
}

function roleOfField(field: Element): ParticipantRole {
  return field.getAttribute('name')?.toLowerCase() as ParticipantRole;
}

/**
 * The summary's copies of chips the rep cannot see (their fields are folded away), each with the
 * role of its chip's field; a copy of a chip that is shown is a twin and gets nothing.
 */
function readSummaries(root: ParentNode, shown: ParticipantAnchor[]): ParticipantAnchor[] {
  const copies = queryNewestFirst(root, RECIPIENT_SUMMARY, (copy) => {
    const form = closestSafe(copy, COMPOSE_FORM);
    return form !== null && closestSafe(copy, RECIPIENT_FIELD) === null && isReadable(copy);
  });
  const found: ParticipantAnchor[] = [];
  for (const copy of copies) {
    const email = parseAddress(copy.getAttribute('email'));
    const form = closestSafe(copy, COMPOSE_FORM) as Element;
    const inForm = (anchor: ParticipantAnchor) =>
      anchor.email === email && form.contains(anchor.element);
    if (!email || shown.some(inForm) || found.some(inForm)) continue;
    const chip = chipsOfForm(form).find((candidate) => chipAddress(candidate.chip) === email);
    found.push({
      email,
      name: nameOf(copy, email) ?? (chip ? nameOf(chip.chip, email) : null),
      role: chip?.role ?? 'to',
      element: copy,
      context: 'compose',
    });
  }
  return found;
}

/** Every chip of a compose's form, shown or not, with its field's role. */
function chipsOfForm(form: Element): { chip: Element; role: ParticipantRole }[] {
  return safeQueryAll(form, RECIPIENT_FIELD)
    .filter((field) => !matchesSafe(field, HIDDEN_INPUT))
    .flatMap((field) => {
      const scope = isTypingControl(field) ? field.parentElement : field;
      const role = roleOfField(field);
      return scope ? queryNewestFirst(scope, RECIPIENT_CHIP).map((chip) => ({ chip, role })) : [];
    });
}

/** The name on a chip: `data-name` (empty for people never emailed), `name`, its text. */
function nameOf(chip: Element, email: string): string | null {
  return displayName(
    chip.getAttribute('data-name') || chip.getAttribute('name') || chip.textContent,
    email,
  );
}

/** The recipients of every open compose window and inline reply, one per address. */
export function findComposeParticipants(root: ParentNode, signedIn?: string | null): Participant[] {
  return dedupeByEmail(findComposeAnchors(root, signedIn));
}

function readChips(field: Element, role: ParticipantRole): ParticipantAnchor[] {
  // PeopleKit nests chips inside the field; classic compose put them beside its textarea.
  const scope = isTypingControl(field) ? field.parentElement : field;
  if (!scope) return [];
  const chips = queryNewestFirst(
    scope,
    RECIPIENT_CHIP,
    (chip) => chipAddress(chip) !== null && isReadable(chip),
  );
  return outermost(chips).map((chip) => {
    const email = chipAddress(chip) as string;
    const name = nameOf(chip, email);
    return { email, name, role, element: chipHost(chip, scope), context: 'compose' as const };
  });
}

function readTyped(field: Element, role: ParticipantRole): ParticipantAnchor[] {
  const inputs = isTypingControl(field) ? [field] : safeQueryAll(field, RECIPIENT_TYPING);
  return inputs.filter(isReadable).flatMap((input) =>
    parseTypedAddresses((input as HTMLInputElement).value ?? '').map((email) => ({
      email,
      name: null,
      role,
      element: input,
      context: 'compose' as const,
    })),
  );
}

function chipAddress(chip: Element): string | null {
  return parseAddress(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email'));
}

/**
 * The chip as Gmail lays it out: the listbox's direct child (div.agh, the draggable wrapper), so
 * our chip sits beside Gmail's instead of inside its rounded box. Falls back to the chip itself.
 */
function chipHost(chip: Element, scope: Element): Element {
  for (let node: Element = chip; node.parentElement && node !== scope; node = node.parentElement) {
    if (matchesSafe(node.parentElement, RECIPIENT_LIST)) return node;
  }
  return chip;
}

function isTypingControl(element: Element): boolean {
  return matchesSafe(element, RECIPIENT_TYPING);
}
