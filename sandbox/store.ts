/**
 * Where the sandbox keeps its world. A single JSON file under the git-ignored
 * `.sandbox-data/`, written atomically (temp file + rename) and debounced, so a
 * crash never leaves half a file and a burst of writes costs one disk write.
 * JSON instead of SQLite: Node 20 has no `node:sqlite` and better-sqlite3 needs
 * a native compile; ~250 contacts fit in memory many times over.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSeedState } from './seed';
import type { ApiKey, SandboxState, WorkspaceData } from './types';

const FILE_NAME = 'sandbox.json';
const SAVE_DELAY_MS = 150;
let tempCounter = 0;

export interface StoreOptions {
  memory?: boolean;
  dataDir?: string;
  reset?: boolean;
  log?: (message: string) => void;
}

export class Store {
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    public state: SandboxState,
    private readonly file: string | null,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  static async open(options: StoreOptions = {}): Promise<Store> {
    if (options.memory) return new Store(createSeedState(), null);
    const dir = path.resolve(options.dataDir ?? '.sandbox-data');
    const file = path.join(dir, FILE_NAME);
    await mkdir(dir, { recursive: true });
    if (options.reset) await rm(file, { force: true });
    await removeStaleTempFiles(dir);
    const loaded = await load(file, options.log);
    const store = new Store(loaded ?? createSeedState(), file, options.log);
    if (!loaded) await store.flush();
    return store;
  }

  workspace(id: string): WorkspaceData | undefined {
    return Object.hasOwn(this.state.workspaces, id) ? this.state.workspaces[id] : undefined;
  }

  findKey(token: string): ApiKey | undefined {
    return this.state.keys.find((key) => key.key === token);
  }

  nextId(prefix: string): string {
    return `${prefix}_${this.state.next_id++}`;
  }

  /** Call after every mutation; the file catches up shortly after. */
  changed(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const file = this.file;
    if (!file) return;
    const text = JSON.stringify(this.state);
    // Serialised so two saves never race; a failed save is reported, never fatal:
    // the data is still in memory and the next change tries again.
    this.saving = this.saving.then(async () => {
      const temp = `${file}.${process.pid}-${++tempCounter}.tmp`;
      try {
        await writeFile(temp, text);
        await rename(temp, file);
      } catch (error) {
        this.log(`Could not save ${file}: ${(error as Error).message}`);
        await rm(temp, { force: true }).catch(() => undefined);
      }
    });
    return this.saving;
  }
}

/** A sandbox killed mid-write leaves its temp file behind; the real file is intact. */
async function removeStaleTempFiles(dir: string): Promise<void> {
  const stale = (await readdir(dir)).filter((name) => /^sandbox\.json\.[\w-]+\.tmp$/.test(name));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

async function load(file: string, log?: (message: string) => void): Promise<SandboxState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text) as SandboxState;
    if (state.version === 1 && state.workspaces && Array.isArray(state.keys)) return state;
  } catch {
    // fall through: an unreadable file is kept aside, never silently overwritten.
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside);
  log?.(`Could not read ${file}; moved it to ${aside} and started from the seed.`);
  return null;
}
