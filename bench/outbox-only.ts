/** `npx tsx bench/outbox-only.ts [enqueue|reconnect]…`: the outbox benchmarks alone, printed (docs/BENCHMARKS.md untouched). */
import { benchEnqueue } from './outbox-enqueue';
import { benchReconnect } from './outbox-reconnect';

const parts = process.argv.slice(2);
const all = parts.length === 0;
if (all || parts.includes('enqueue')) console.log(JSON.stringify(await benchEnqueue(), null, 2));
if (all || parts.includes('reconnect'))
  console.log(JSON.stringify(await benchReconnect(), null, 2));
process.exit(0);
