// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSpareHosts } from '@/lib/content/chips/spare-hosts';

/** A row Gmail removed, still holding one host per key. */
function removedRow(...keys: string[]) {
  const row = document.createElement('tr');
  const hosts = keys.map((key) => {
    const element = document.createElement('vivre-row-chip');
    element.dataset.key = key;
    row.append(element);
    return { element };
  });
  return { row, hosts };
}

describe('spare hosts of removed rows', () => {
  it('hands a kept host to the next row showing its person, once', () => {
    const spares = createSpareHosts<{ element: Element }>(10);
    const { row, hosts } = removedRow('a', 'b');
    spares.put(row, 'a', hosts[0]!);
    spares.put(row, 'b', hosts[1]!);
    expect(spares.take('c')).toBeUndefined();
    expect(spares.take('a')).toBe(hosts[0]);
    expect(spares.take('a')).toBeUndefined();
    // The row coming back gets what is still its own, and nothing another row took.
    expect([...spares.takeRow(row)]).toEqual([['b', hosts[1]]]);
    expect(spares.take('b')).toBeUndefined();
  });

  it('keeps at most `max`: the oldest rows lose their hosts from the page', () => {
    const spares = createSpareHosts<{ element: Element }>(2);
    const first = removedRow('a');
    const second = removedRow('b', 'c');
    spares.put(first.row, 'a', first.hosts[0]!);
    spares.put(second.row, 'b', second.hosts[0]!);
    spares.put(second.row, 'c', second.hosts[1]!);
    expect(first.row.children).toHaveLength(0);
    expect(spares.take('a')).toBeUndefined();
    expect(spares.take('c')).toBe(second.hosts[1]);
    spares.clear();
    // What was taken is the taker's: only the spare left goes.
    expect([...second.row.children]).toEqual([second.hosts[1]!.element]);
    expect(spares.take('b')).toBeUndefined();
  });
});
