/** `npx tsx bench/panel-only.ts`: the panel benchmark alone, printed (docs/BENCHMARKS.md untouched). */
import { benchPanel } from './panel';

const section = await benchPanel();
console.log(JSON.stringify(section, null, 2));
process.exit(0);
