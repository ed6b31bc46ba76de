/**
 * What `npm start` settles before it starts anything: its flags, the base URL the
 * dev build defaults to, and whether the sandbox's port is free. Apart from
 * start.mjs (which loads WXT and Vite) so that it is quick to load and to test.
 */
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Handed to the dev build (WXT exposes `WXT_*` variables as `import.meta.env`);
 * lib/worker/settings/defaults.ts reads it as the default base URL.
 */
export const SANDBOX_URL_ENV = 'WXT_VIVRE_SANDBOX_URL';

export const START_USAGE = `Usage: npm start -- [--port N] [--host H] [sandbox flags]
  --port N  the sandbox's port (default ${DEFAULT_PORT}; 0 picks a free one); the dev build uses it
  --host H  127.0.0.1 (default), localhost, 0.0.0.0 or ::
Other flags go to the sandbox: see npm run sandbox -- --help and docs/SANDBOX.md.`;

/** A mistake in the flags: start.mjs prints the message alone and exits with 2. */
export class StartOptionsError extends Error {}

/** Hosts the sandbox may bind to, and the loopback host the extension then calls. */
const REACHABLE_AT = {
  '127.0.0.1': '127.0.0.1',
  localhost: 'localhost',
  '0.0.0.0': '127.0.0.1',
  '::': '127.0.0.1',
};

function parsePort(value) {
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new StartOptionsError(
      `--port must be a whole number from 0 to 65535, got ${value === true ? 'nothing' : JSON.stringify(value)}.`,
    );
  }
  return Number(value);
}

function parseHost(value) {
  if (typeof value !== 'string' || !Object.hasOwn(REACHABLE_AT, value)) {
    throw new StartOptionsError(
      `--host must be one of ${Object.keys(REACHABLE_AT).join(', ')} (the dev build may only call the sandbox on 127.0.0.1 or localhost), got ${value === true ? 'nothing' : JSON.stringify(value)}.`,
    );
  }
  return value;
}

/**
 * `--port` and `--host` are read (and validated) here; every other argument goes to
 * the sandbox as it was given, followed by the port and host it must use.
 *
 * @param {string[]} argv the arguments after `npm start --`
 */
export function parseStartArgs(argv) {
  const { tokens } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let help = false;
  let passThrough = false;
  const rest = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') passThrough = true;
    if (passThrough || token.kind !== 'option' || !['port', 'host', 'help'].includes(token.name)) {
      rest.push(argv[token.index]);
      continue;
    }
    if (token.name === 'help') help = true;
    // An unknown flag's value comes as its own token; a `--port 8899`'s does not.
    else if (token.name === 'port') port = parsePort(token.value ?? true);
    else host = parseHost(token.value ?? true);
  }
  return {
    port,
    host,
    help,
    sandboxArgs: ['--port', String(port), '--host', host, ...rest],
  };
}

/** The base URL the dev build defaults to once the sandbox listens on `port`. */
export function devBaseUrl(host, port) {
  return `http://${REACHABLE_AT[host] ?? DEFAULT_HOST}:${port}/v1`;
}

/**
 * Why the sandbox could not listen on host:port, in one line, or null when it can.
 * It listens there for a moment, exactly as the sandbox will, and lets go.
 *
 * @returns {Promise<string | null>}
 */
export function portProblem(port, host = DEFAULT_HOST) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error) => resolve(describeListenError(error, port, host)));
    probe.listen({ port, host }, () => probe.close(() => resolve(null)));
  });
}

export function describeListenError(error, port, host = DEFAULT_HOST) {
  const next = port > 0 && port < 65_535 ? port + 1 : DEFAULT_PORT;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} is busy: is a sandbox already running? Use npm start -- --port ${next} (or --port 0 for any free port).`;
    case 'EACCES':
      return `Port ${port} is reserved on this system: use npm start -- --port ${DEFAULT_PORT} or another port above 1023.`;
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
    case 'ENOTFOUND':
      return `Cannot listen on ${host} here (${error.code}): use npm start -- --host ${DEFAULT_HOST}.`;
    default:
      return `Cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/**
 * Vite closes its server and exits the process when stdin ends (unless CI=true),
 * and WXT reads stdin for its "o + enter" shortcut from its first rebuild on. With
 * stdin at /dev/null, a closed pipe or under nohup, the first file change therefore
 * ended `npm start` silently, and the sandbox with it. This gives both a stdin that
 * never ends, fed from the real one only when `forward` (a terminal and a browser to
 * reopen; reading a terminal from the background would stop the process instead).
 */
export function useStdinThatNeverEnds({ forward }, proc = process) {
  const input = new PassThrough();
  if (forward) proc.stdin.pipe(input, { end: false });
  Object.defineProperty(proc, 'stdin', { configurable: true, enumerable: true, get: () => input });
  return input;
}
