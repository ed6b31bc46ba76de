/**
 * `npm start` (scripts/start.mjs): its flags, the sandbox URL it hands the dev build,
 * the one-line busy-port exit, the stdin that never ends and the sandbox's IPC
 * channel. No WXT dev build runs here (too slow for the suite); the busy-port and
 * bad-flag paths exit before WXT is even loaded.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConnection } from '@/lib/worker/settings/defaults';
import { SANDBOX_BASE_URL, sandboxBaseUrl } from '@/lib/shared/vivre/base-url';
import {
  DEFAULT_PORT,
  SANDBOX_URL_ENV,
  StartOptionsError,
  devBaseUrl,
  parseStartArgs,
  portProblem,
  useStdinThatNeverEnds,
} from '@/scripts/start-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SLOW = 60_000;

/** A TCP server on a free loopback port, like `node -e "net.createServer().listen(8787)"`. */
async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runStart(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIVRE_NO_BROWSER: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // If a regression let it go on to start WXT, stop it rather than hang the suite.
    const guard = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start flags', () => {
  it('defaults to the sandbox on 127.0.0.1:8787', () => {
    const options = parseStartArgs([]);
    expect(options).toMatchObject({ port: DEFAULT_PORT, host: '127.0.0.1', help: false });
    expect(DEFAULT_PORT).toBe(8787);
    expect(options.sandboxArgs).toEqual(['--port', '8787', '--host', '127.0.0.1']);
  });

  it('reads --port in both spellings, 0 included', () => {
    expect(parseStartArgs(['--port', '8899']).port).toBe(8899);
    expect(parseStartArgs(['--port=8899']).port).toBe(8899);
    expect(parseStartArgs(['--port', '0']).port).toBe(0);
    expect(parseStartArgs(['--port', '65535']).port).toBe(65_535);
  });

  it.each([['abc'], ['-1'], ['65536'], ['8787.5'], ['1e3'], [''], ['--memory']])(
    'refuses --port %j with one line',
    (value) => {
      expect(() => parseStartArgs(['--port', value])).toThrow(StartOptionsError);
      expect(() => parseStartArgs(['--port', value])).toThrow(/^--port must be a whole number/);
    },
  );

  it('refuses a --port with no value', () => {
    expect(() => parseStartArgs(['--port'])).toThrow(
      '--port must be a whole number from 0 to 65535, got nothing.',
    );
  });

  it('only takes hosts the dev build can call', () => {
    expect(parseStartArgs(['--host', 'localhost']).host).toBe('localhost');
    expect(parseStartArgs(['--host', '0.0.0.0']).host).toBe('0.0.0.0');
    expect(() => parseStartArgs(['--host', '10.0.0.5'])).toThrow(StartOptionsError);
    expect(() => parseStartArgs(['--host'])).toThrow(StartOptionsError);
  });

  it('hands every other flag to the sandbox as given, with the port and host it must use', () => {
    const options = parseStartArgs(['--memory', '--latency', '200', '--port', '8899', '--reset']);
    expect(options.sandboxArgs).toEqual([
      '--port',
      '8899',
      '--host',
      '127.0.0.1',
      '--memory',
      '--latency',
      '200',
      '--reset',
    ]);
  });

  it('knows --help and -h', () => {
    expect(parseStartArgs(['--help']).help).toBe(true);
    expect(parseStartArgs(['-h']).help).toBe(true);
  });
});

describe('the base URL handed to the dev build', () => {
  it('is the sandbox on the port it really listens on', () => {
    expect(SANDBOX_URL_ENV).toBe('WXT_VIVRE_SANDBOX_URL');
    expect(devBaseUrl('127.0.0.1', 8899)).toBe('http://127.0.0.1:8899/v1');
    expect(devBaseUrl('0.0.0.0', 40123)).toBe('http://127.0.0.1:40123/v1');
    expect(devBaseUrl('::', 40123)).toBe('http://127.0.0.1:40123/v1');
    expect(devBaseUrl('localhost', 8899)).toBe('http://localhost:8899/v1');
    expect(devBaseUrl('127.0.0.1', DEFAULT_PORT)).toBe(SANDBOX_BASE_URL);
  });

  it('is what the build takes as its default', () => {
    for (const host of ['127.0.0.1', 'localhost', '0.0.0.0']) {
      expect(sandboxBaseUrl(devBaseUrl(host, 8899))).toBe(devBaseUrl(host, 8899));
    }
    expect(sandboxBaseUrl('http://127.0.0.1:8899/v1/')).toBe('http://127.0.0.1:8899/v1');
  });

  it.each([
    [undefined],
    [''],
    ['not a url'],
    ['https://api.example.com/v1'],
    ['http://10.0.0.5:8899/v1'],
    ['http://127.0.0.1:8899/'],
    ['http://127.0.0.1:0/v1'],
    ['http://user:pw@127.0.0.1:8899/v1'],
    ['http://127.0.0.1:8899/v1?x=1'],
    ['javascript:alert(1)'],
    [8899],
  ])('falls back to 8787 for %j', (value) => {
    expect(sandboxBaseUrl(value)).toBe(SANDBOX_BASE_URL);
  });

  describe('in defaultConnection', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('reads WXT_VIVRE_SANDBOX_URL', () => {
      vi.stubEnv('WXT_VIVRE_SANDBOX_URL', 'http://127.0.0.1:8899/v1');
      expect(defaultConnection(true).baseUrl).toBe('http://127.0.0.1:8899/v1');
    });

    it('keeps 8787 without it, or with a bad one', () => {
      vi.stubEnv('WXT_VIVRE_SANDBOX_URL', '');
      expect(defaultConnection(true).baseUrl).toBe(SANDBOX_BASE_URL);
      vi.stubEnv('WXT_VIVRE_SANDBOX_URL', 'https://evil.example/v1');
      expect(defaultConnection(true).baseUrl).toBe(SANDBOX_BASE_URL);
    });
  });
});

describe('a busy port', () => {
  it('is found before anything starts, and told in one line', async () => {
    const taken = await occupyPort();
    try {
      expect(await portProblem(taken.port)).toBe(
        `Port ${taken.port} is busy: is a sandbox already running? Use npm start -- --port ${taken.port + 1} (or --port 0 for any free port).`,
      );
    } finally {
      await taken.close();
    }
    expect(await portProblem(taken.port)).toBeNull();
  });

  it(
    'makes npm start exit non-zero with that one line and no build output',
    async () => {
      const taken = await occupyPort();
      let run: Run;
      try {
        run = await runStart(['--port', String(taken.port)]);
      } finally {
        await taken.close();
      }
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([
        `Port ${taken.port} is busy: is a sandbox already running? Use npm start -- --port ${taken.port + 1} (or --port 0 for any free port).`,
      ]);
      expect(run.stdout).toBe('');
      expect(run.stderr + run.stdout).not.toMatch(/esbuild|vite|wxt|at .*\(/i);
    },
    SLOW,
  );

  it(
    'a bad --port is one line and exit code 2, before anything starts',
    async () => {
      const run = await runStart(['--port', 'eighty']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        '--port must be a whole number from 0 to 65535, got "eighty".',
      ]);
      expect(run.stdout).toBe('');
    },
    SLOW,
  );
});

describe('stdin for Vite and WXT', () => {
  function fakeProcess(stdin: Readable): { stdin: NodeJS.ReadableStream } {
    const proc = {} as { stdin: NodeJS.ReadableStream };
    Object.defineProperty(proc, 'stdin', { configurable: true, get: () => stdin });
    return proc;
  }

  it('never ends when the real one does (/dev/null, a closed pipe)', async () => {
    const real = Readable.from(['o\n']);
    const proc = fakeProcess(real);
    const replaced = useStdinThatNeverEnds({ forward: true }, proc);
    expect(proc.stdin).toBe(replaced);
    const onEnd = vi.fn();
    let data = '';
    replaced.on('end', onEnd);
    replaced.on('data', (chunk) => (data += chunk));
    await new Promise<void>((resolve) => real.once('end', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(data).toBe('o\n'); // WXT's "o + enter" still gets through from a terminal
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('does not read the real one unless told to', async () => {
    const real = Readable.from(['o\n']);
    const proc = fakeProcess(real);
    const replaced = useStdinThatNeverEnds({ forward: false }, proc);
    const onData = vi.fn();
    const onEnd = vi.fn();
    replaced.on('data', onData);
    replaced.on('end', onEnd);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onData).not.toHaveBeenCalled();
    expect(onEnd).not.toHaveBeenCalled();
    expect(real.readableFlowing).not.toBe(true);
  });
});

describe('the sandbox under npm start', () => {
  it(
    'reports the port it listens on over IPC (--port 0) and stops when npm start goes away',
    async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
          'sandbox/main.ts',
          '--port',
          '0',
          '--memory',
          '--quiet',
        ],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
      );
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        const message = await new Promise<{ type: string; port: number; baseUrl: string }>(
          (resolve, reject) => {
            child.once('message', (m) =>
              resolve(m as { type: string; port: number; baseUrl: string }),
            );
            child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
          },
        );
        expect(message.type).toBe('vivre-sandbox:listening');
        expect(message.port).toBeGreaterThan(0);
        expect(message.baseUrl).toBe(`http://127.0.0.1:${message.port}/v1`);
        expect((await fetch(`${message.baseUrl}/me`)).status).toBe(401);
        child.disconnect(); // what a SIGKILLed npm start leaves it with
        expect(await exited).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    SLOW,
  );
});
