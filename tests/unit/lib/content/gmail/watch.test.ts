// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchGmail } from '@/lib/content/gmail/watch';

// requestIdleCallback is stubbed so a test decides when "idle" comes; mutation records are
// delivered by happy-dom after the current task, hence `settle()`.
let idle: Array<() => void>;
const requestIdle = vi.fn((callback: () => void, _options?: IdleRequestOptions) =>
  idle.push(callback),
);
const cancelIdle = vi.fn();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const runIdle = () => idle.splice(0).forEach((callback) => callback());
// Animation frames too: a burst that shows people also runs at the next frame.
let frames: Array<() => void>;
const runFrame = () => frames.splice(0).forEach((callback) => callback());

let controller: AbortController;
let onChange: ReturnType<typeof vi.fn>;

beforeEach(() => {
  idle = [];
  requestIdle.mockClear();
  cancelIdle.mockClear();
  vi.stubGlobal('requestIdleCallback', requestIdle);
  vi.stubGlobal('cancelIdleCallback', cancelIdle);
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  document.body.replaceChildren();
  controller = new AbortController();
  onChange = vi.fn();
  watchGmail({ root: document, signal: controller.signal, onChange });
});

afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

describe('watchGmail', () => {
  it('coalesces a burst of 100 mutations over several tasks into one onChange at idle', async () => {
    // Gmail renders a thread in chunks: four tasks of 25 mutations each, no idle time between.
    for (let chunk = 0; chunk < 4; chunk++) {
      for (let i = 0; i < 25; i++) {
        const span = document.createElement('span');
        document.body.append(span);
        span.setAttribute('email', `p${chunk}-${i}@x.example`);
      }
      await settle();
    }
    expect(onChange).not.toHaveBeenCalled(); // nothing on the hot path
    expect(requestIdle).toHaveBeenCalledTimes(1);
    expect(requestIdle.mock.calls[0]![1]).toEqual({ timeout: 40 });
    runIdle();
    expect(onChange).toHaveBeenCalledTimes(1);

    // Churn that shows nobody asks for nothing, not even idle time.
    requestIdle.mockClear();
    document.body.append(document.createElement('div'));
    document.body.lastElementChild!.textContent = '10:42';
    await settle();
    expect(requestIdle).not.toHaveBeenCalled();
    runIdle();
    expect(onChange).toHaveBeenCalledTimes(1);

    // A person leaving is worth a run: their host goes.
    document.querySelector('[email]')!.remove();
    await settle();
    runIdle();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]![0].removed).toBe(true);
  });

  it('runs a burst that shows people at the next frame, once, without waiting for idle', async () => {
    for (let chunk = 0; chunk < 4; chunk++) {
      const span = document.createElement('span');
      span.setAttribute('email', `p${chunk}@x.example`);
      document.body.append(span);
      await settle();
    }
    expect(onChange).not.toHaveBeenCalled();
    runFrame();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0].roots.size).toBeGreaterThan(0);
    runIdle(); // the idle run of the same burst has nothing left to do
    expect(onChange).toHaveBeenCalledTimes(1);

    document.querySelector('[email]')!.remove(); // nobody shown: idle is soon enough
    await settle();
    runFrame();
    expect(onChange).toHaveBeenCalledTimes(1);
    runIdle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('with atOnce, runs a burst that shows people in the same task, once a frame', async () => {
    controller.abort();
    controller = new AbortController();
    watchGmail({ root: document, signal: controller.signal, onChange, atOnce: true });
    const person = (name: string) => {
      const span = document.createElement('span');
      span.setAttribute('email', `${name}@x.example`);
      return span;
    };
    document.body.append(person('first'));
    await settle(); // the observer's callback: no frame, no idle time has passed
    expect(onChange).toHaveBeenCalledTimes(1);

    // Gmail goes on in the same frame: that waits for the frame, and runs once for both tasks.
    document.body.append(person('second'));
    await settle();
    document.body.append(person('third'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    runFrame();
    expect(onChange).toHaveBeenCalledTimes(2);

    // A new frame: at once again.
    runFrame();
    document.body.append(person('fourth'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(3);
    runIdle(); // nothing left for idle time
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('with atOnce, still reads what the page changed while a burst drew its hosts', async () => {
    controller.abort();
    controller = new AbortController();
    const person = (name: string) => {
      const span = document.createElement('span');
      span.setAttribute('email', `${name}@x.example`);
      return span;
    };
    const drawn = vi.fn(() => {
      if (drawn.mock.calls.length > 1) return;
      const host = document.createElement('vivre-chip');
      host.setAttribute('data-vivre-host', '');
      document.body.append(host);
      // Page script running inside our insertion (a custom element the page defined under
      // our tag name) adds a person in the same moment.
      document.body.append(person('slipped-in'));
    });
    watchGmail({ root: document, signal: controller.signal, onChange: drawn, atOnce: true });
    document.body.append(person('first'));
    await settle();
    expect(drawn).toHaveBeenCalledTimes(1);
    runFrame();
    expect(drawn).toHaveBeenCalledTimes(2);
  });

  it('ignores our own hosts: inserting, rendering into and removing them', async () => {
    const gmailSpan = document.createElement('span');
    document.body.append(gmailSpan);
    await settle();
    runIdle();
    onChange.mockClear();
    requestIdle.mockClear();

    const host = document.createElement('vivre-chip');
    host.setAttribute('data-vivre-host', '');
    gmailSpan.after(host);
    for (let i = 0; i < 100; i++) host.append(document.createElement('b'));
    host.setAttribute('data-name', 'changed');
    host.firstElementChild!.setAttribute('email', 'a@b.example');
    host.remove();
    await settle();
    expect(requestIdle).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores our own hosts in a list row: chips and hot-lead marks going in and out', async () => {
    // Outside messages, fields and notices each added or removed node is judged on its own
    // (lib/content/gmail/changed-roots.ts), so this is where a host of ours could pass for a row of Gmail's.
    const table = document.createElement('table');
    const row = table.createTBody().insertRow();
    row.className = 'zA';
    const markCell = row.insertCell();
    markCell.className = 'PF';
    const person = document.createElement('span');
    person.setAttribute('email', 'ann@acme.example');
    row.insertCell().append(person);
    document.body.append(table);
    await settle();
    runIdle();
    runFrame();
    onChange.mockClear();
    requestIdle.mockClear();

    const chip = document.createElement('vivre-row-chip');
    chip.setAttribute('data-vivre-host', '');
    chip.setAttribute('data-vivre-email', 'ann@acme.example');
    // Whatever a host holds (its face lives in a closed root; page script could add more).
    const inside = document.createElement('b');
    inside.setAttribute('email', 'ann@acme.example');
    chip.append(inside);
    person.after(chip);
    const mark = document.createElement('vivre-hot-lead');
    mark.setAttribute('data-vivre-host', '');
    markCell.prepend(mark);
    chip.append(document.createElement('i'));
    await settle();
    chip.remove();
    mark.remove();
    await settle();
    expect(requestIdle).not.toHaveBeenCalled();
    expect(frames).toHaveLength(0);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores attributes detection does not read', async () => {
    document.body.setAttribute('class', 'x');
    document.body.setAttribute('style', 'color: red');
    await settle();
    expect(requestIdle).not.toHaveBeenCalled();
  });

  it('stops on abort: a pending run is cancelled and later mutations do nothing', async () => {
    const person = () => {
      const span = document.createElement('span');
      span.setAttribute('email', 'a@x.example');
      return span;
    };
    document.body.append(person());
    await settle();
    expect(requestIdle).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(cancelIdle).toHaveBeenCalledTimes(1);
    runIdle(); // even if the browser still ran it
    document.body.append(person());
    await settle();
    runIdle();
    expect(requestIdle).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('re-scans when an address is typed into a recipient field (no DOM mutation)', async () => {
    const field = document.createElement('div');
    field.setAttribute('name', 'cc');
    const input = document.createElement('input');
    field.append(input);
    document.body.append(field);
    await settle();
    runIdle();
    onChange.mockClear();

    input.value = 'a@b.example';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.body.dispatchEvent(new Event('input', { bubbles: true })); // not a recipient field
    runIdle();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('watchGmail without requestIdleCallback', () => {
  it('falls back to a timer, still once per burst', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const fallbackController = new AbortController();
    const changed = vi.fn();
    const root = document.createElement('div');
    watchGmail({ root, signal: fallbackController.signal, onChange: changed, idleTimeout: 5 });
    for (let i = 0; i < 10; i++) {
      const span = document.createElement('span');
      span.setAttribute('email', `p${i}@x.example`);
      root.append(span);
    }
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changed).toHaveBeenCalledTimes(1);
    fallbackController.abort();
  });
});
