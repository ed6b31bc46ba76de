/** `npx tsx bench/popup-only.ts`: the popup benchmark alone, printed (docs/BENCHMARKS.md untouched). */
import { benchPopup } from './popup';

const section = await benchPopup();
console.log(JSON.stringify(section, null, 2));
process.exit(0);
