/**
 * Where a content script's main-thread time goes, from a CDP CPU profile: the time
 * sampled with the content script on the stack, split by the leaf frame (a DOM call
 * such as querySelectorAll, or the script's own JavaScript). Minified names mean
 * nothing, so own JavaScript is one line.
 */
import type { CDPSession } from 'playwright-core';

export interface ScriptShare {
  /** Sampled time with the script anywhere on the stack, ms. */
  totalMs: number;
  /** Leaf frames under the script, largest first. */
  leaves: Array<{ name: string; ms: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export async function profileScript(
  cdp: CDPSession,
  scriptSuffix: string,
  run: () => Promise<unknown>,
): Promise<ScriptShare> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');

  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const underScript = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (nodes.get(at)!.callFrame.url.endsWith(scriptSuffix)) return true;
    }
    return false;
  };

  const leaves = new Map<string, number>();
  let totalMs = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (!underScript(id)) return;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const frame = nodes.get(id)!.callFrame;
    const name = frame.url
      ? 'its own JavaScript'
      : `${frame.functionName || '(native)'} (DOM/native)`;
    leaves.set(name, (leaves.get(name) ?? 0) + ms);
    totalMs += ms;
  });
  return {
    totalMs,
    leaves: [...leaves].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
  };
}
