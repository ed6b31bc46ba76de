/**
 * The email-logging controls ("Log to Vivre", "Log this email", their Deal menu, the held send's
 * line) as a rep meets them. They live in closed shadow roots, so tests do not reach into them
 * through the page: they read them from the browser's accessibility tree (what a screen reader
 * is given) and press, hover and type where the rep would, at the box the browser drew each
 * control in, with real (trusted) mouse and keyboard input.
 */
import type { CDPSession, Page } from 'playwright-core';
import { STEADY_MS } from '@/lib/shared/visible-input';
import { waitFor } from './wait';

/**
 * How long the rep's pointer rests on a control before pressing: what our controls ask, and a
 * little more, as a control learns it is in place at the frame after the pointer moved there.
 */
export const REP_DWELL_MS = STEADY_MS + 250;

/** A control, or a status line, inside one of our hosts, as the accessibility tree has it. */
export interface RepControl {
  role: string;
  name: string;
  /** What it is described by (aria-describedby), e.g. whom "Log this email" logs for. */
  description: string;
  /** A combobox's shown option; '' for the rest. */
  value: string;
  checked: boolean;
  disabled: boolean;
  /** The text a screen reader reads inside it (a status line's words). */
  text: string;
  /** For a combobox, its options' labels in order. */
  options: string[];
  /** The DOM node the browser lays out, to find where it is drawn. */
  backendNodeId: number;
}

interface AXValue {
  value?: unknown;
}

interface AXNode {
  nodeId: string;
  ignored?: boolean;
  role?: AXValue;
  name?: AXValue;
  description?: AXValue;
  value?: AXValue;
  properties?: { name: string; value: AXValue }[];
  childIds?: string[];
  backendDOMNodeId?: number;
}

// Roles that only carry text or group others: folded into the text of the control around them.
const TEXT_ROLES = new Set(['StaticText', 'InlineTextBox', 'generic', 'LabelText', 'none']);

async function withSession<T>(page: Page, use: (session: CDPSession) => Promise<T>): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    return await use(session);
  } finally {
    await session.detach();
  }
}

const property = (node: AXNode, name: string) =>
  node.properties?.find((p) => p.name === name)?.value.value;

/**
 * The controls and status lines inside the `nth` host matching `selector` (a light-DOM host,
 * e.g. `vivre-log-email[data-vivre-message-id="…"]`), in document order; [] while it is absent.
 */
export function repControls(page: Page, selector: string, nth = 0): Promise<RepControl[]> {
  return withSession(page, async (session) => {
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector,
    });
    const hostId = nodeIds[nth];
    if (hostId === undefined) return [];
    const { node: host } = await session.send('DOM.describeNode', { nodeId: hostId });
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const start = nodes.find((node) => node.backendDOMNodeId === host.backendNodeId);
    if (!start) return [];
    const textOf = (node: AXNode): string =>
      node.role?.value === 'StaticText'
        ? String(node.name?.value ?? '')
        : (node.childIds ?? []).map((id) => textOf(byId.get(id)!)).join('');
    const found: RepControl[] = [];
    const visit = (node: AXNode) => {
      const role = String(node.role?.value ?? '');
      if (node !== start && !node.ignored && !TEXT_ROLES.has(role)) {
        const options: string[] = [];
        const collect = (child: AXNode) => {
          if (child.role?.value === 'MenuListOption' || child.role?.value === 'option') {
            options.push(String(child.name?.value ?? ''));
          }
          (child.childIds ?? []).forEach((id) => collect(byId.get(id)!));
        };
        if (role === 'combobox') collect(node);
        found.push({
          role,
          name: String(node.name?.value ?? ''),
          description: String(node.description?.value ?? ''),
          value: String(node.value?.value ?? ''),
          checked: property(node, 'checked') === 'true' || property(node, 'checked') === true,
          disabled: property(node, 'disabled') === true,
          text: textOf(node),
          options,
          backendNodeId: node.backendDOMNodeId ?? 0,
        });
        if (role === 'combobox') return;
      }
      (node.childIds ?? []).forEach((id) => visit(byId.get(id)!));
    };
    visit(start);
    return found;
  });
}

export interface ControlQuery {
  role: string;
  /** The accessible name, exactly or matching. */
  name?: string | RegExp;
}

const matches = (control: RepControl, { role, name }: ControlQuery) =>
  control.role === role &&
  (name === undefined ||
    (typeof name === 'string' ? control.name === name : name.test(control.name)));

/** Waits for the control in the `nth` host matching `selector`, and returns it. */
export function repControl(
  page: Page,
  selector: string,
  query: ControlQuery,
  nth = 0,
): Promise<RepControl> {
  return waitFor(
    async () => (await repControls(page, selector, nth)).find((c) => matches(c, query)),
    `${query.role} ${query.name ?? ''} in ${selector}`,
    { timeoutMs: 30_000 },
  );
}

/** The words of the host's status line (role=status), as a screen reader announces them; '' if none. */
export async function repStatus(page: Page, selector: string, nth = 0): Promise<string> {
  const controls = await repControls(page, selector, nth);
  return controls.find((c) => c.role === 'status')?.text.trim() ?? '';
}

/** Where the browser drew `control`: the centre of its border box, in the page's CSS pixels. */
export async function centreOf(page: Page, control: RepControl): Promise<{ x: number; y: number }> {
  return withSession(page, async (session) => {
    const { model } = await session.send('DOM.getBoxModel', {
      backendNodeId: control.backendNodeId,
    });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
  });
}

/** The rep's pointer comes to the control (as it does on its way to a click). */
export async function hoverControl(page: Page, control: RepControl): Promise<void> {
  const { x, y } = await centreOf(page, control);
  await page.mouse.move(x, y);
}

/**
 * The rep clicks the control where it is drawn: the pointer comes to it, and presses once the
 * control has been in view and in place as long as our controls ask before they take a press
 * (lib/shared/visible-input.ts), as a rep's does who has seen what they click. Should the control
 * move meanwhile (a Deal menu shows before "Log this email" when the pointer comes), the rep
 * aims again.
 */
export async function clickControl(page: Page, control: RepControl): Promise<void> {
  let at = await centreOf(page, control);
  for (let aims = 0; aims < 3; aims++) {
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(REP_DWELL_MS);
    const now = await centreOf(page, control);
    if (now.x === at.x && now.y === at.y) break;
    at = now;
  }
  await page.mouse.down();
  await page.mouse.up();
}

/** The rep's pointer comes to `point` and presses there once what is there has been steady. */
export async function pressAt(page: Page, { x, y }: { x: number; y: number }): Promise<void> {
  await page.mouse.move(x, y);
  await page.waitForTimeout(REP_DWELL_MS);
  await page.mouse.down();
  await page.mouse.up();
}

/**
 * The rep picks `label` in a Deal menu: opens it with a click, moves to the option with the
 * arrow keys and confirms with Enter, as with any native menu.
 */
export async function chooseOption(page: Page, combobox: RepControl, label: string) {
  const from = combobox.options.indexOf(combobox.value);
  const to = combobox.options.indexOf(label);
  if (to < 0) throw new Error(`"${label}" is not among ${JSON.stringify(combobox.options)}`);
  await clickControl(page, combobox);
  const key = to > from ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}
