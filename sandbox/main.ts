/**
 * `npm run sandbox [-- --port N --memory --reset --rate-limit N --latency MS
 * --error-rate X --drop-rate X --no-idempotency --webhooks-anywhere]`: runs the local
 * Vivre API until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { DEMO_KEYS } from './seed';
import { startSandbox } from './server';

function number(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    console.error(
      `--${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
    process.exit(2);
  }
  return parsed;
}

const USAGE = `Usage: npm run sandbox -- [--port N] [--host H] [--memory] [--reset] [--rate-limit N]
                            [--latency MS] [--error-rate X] [--drop-rate X] [--quiet]
                            [--no-idempotency] [--webhooks-anywhere]
See docs/SANDBOX.md.`;

function readFlags() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        memory: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        'rate-limit': { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'no-idempotency': { type: 'boolean', default: false },
        'webhooks-anywhere': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readFlags();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const faults = {
  latencyMs: number(values.latency, 'latency', 0, 60_000) ?? 0,
  errorRate: number(values['error-rate'], 'error-rate', 0, 1) ?? 0,
  dropRate: number(values['drop-rate'], 'drop-rate', 0, 1) ?? 0,
};

const sandbox = await startSandbox({
  port: number(values.port, 'port', 0, 65_535) ?? 8787,
  host: values.host,
  memory: values.memory,
  reset: values.reset,
  rateLimit: number(values['rate-limit'], 'rate-limit', 1, 1_000_000),
  faults,
  quiet: values.quiet,
  idempotency: !values['no-idempotency'],
  webhookReach: values['webhooks-anywhere'] ? 'anywhere' : 'loopback',
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${values.port ?? 8787} is busy: is a sandbox already running? Try --port 0.`
      : `Could not start the sandbox: ${error.message}`,
  );
  process.exit(1);
});

console.log(`Vivre API sandbox listening on ${sandbox.baseUrl}`);
console.log(
  values.memory ? 'Storage: in memory (nothing is kept)' : 'Storage: .sandbox-data/sandbox.json',
);
console.log('Workspace ws_demo keys:');
console.log(`  admin (read, write, admin)  ${DEMO_KEYS.admin}`);
console.log(`  write (read, write)         ${DEMO_KEYS.write}`);
console.log(`  read  (read)                ${DEMO_KEYS.read}`);
console.log(`Workspace ws_other key:       ${DEMO_KEYS.otherAdmin}`);
const active = Object.entries(faults).filter(([, value]) => value > 0);
if (active.length > 0) console.log(`Faults: ${active.map(([k, v]) => `${k}=${v}`).join(', ')}`);
if (values['no-idempotency']) console.log('Idempotency-Key: ignored (--no-idempotency)');
if (values['webhooks-anywhere']) console.log('Webhooks: any host but link-local addresses');

let closing: Promise<void> | undefined;
function shutdown(): void {
  closing ??= sandbox.close().then(() => process.exit(0));
}
// A terminal's Ctrl+C reaches both `npm start` and this process, which then also
// gets the SIGTERM that start.mjs sends: close once.
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

// `npm start` (scripts/start.mjs) runs this with an IPC channel: tell it the port
// really listened on (`--port 0` picks one), and stop when that channel goes away,
// so a killed `npm start` never leaves the sandbox holding its port.
if (process.send) {
  process.send({ type: 'vivre-sandbox:listening', port: sandbox.port, baseUrl: sandbox.baseUrl });
  process.once('disconnect', shutdown);
}
