/**
 * `npm start [-- --port N]`: the local Vivre sandbox (persistent, port 8787 unless
 * told otherwise) plus WXT's dev build of the extension, which in development
 * defaults to that sandbox and its demo write key, so it works with no account and
 * no settings. Runs until Ctrl+C (SIGINT) or SIGTERM, which stop both, with or
 * without a terminal on standard input.
 *
 * Where there is no display (a server, a container) WXT cannot open a browser, so
 * its runner is disabled and the unpacked extension is left for you to load.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import {
  SANDBOX_URL_ENV,
  START_USAGE,
  StartOptionsError,
  devBaseUrl,
  parseStartArgs,
  portProblem,
  useStdinThatNeverEnds,
} from './start-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const canOpenBrowser =
  process.env.VIVRE_NO_BROWSER !== '1' &&
  (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

let options;
try {
  options = parseStartArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof StartOptionsError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (options.help) {
  console.log(START_USAGE);
  process.exit(0);
}

// A busy port is one line and a non-zero exit, before WXT has started anything
// (stopping it mid-build is what printed pages of esbuild traces).
if (options.port !== 0) {
  const problem = await portProblem(options.port, options.host);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

/**
 * The sandbox runs as one plain node process (tsx as a loader, not its CLI, which
 * adds a second process), with no stdin and an IPC channel: it reports the port it
 * listens on, and exits by itself if this process disappears without stopping it.
 */
const sandbox = spawn(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), 'sandbox/main.ts', ...options.sandboxArgs],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
const sandboxExited = new Promise((resolve) => sandbox.once('exit', resolve));
// Node reports a failed spawn here; the exit event still follows.
sandbox.once('error', (error) => console.error(`Could not start the sandbox: ${error.message}`));

let stopping = false;
let wxt;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  // Vite has its own SIGTERM handler that exits once its server is closed, with
  // `process.exitCode ??= 143`: set ours first.
  process.exitCode = code;
  console.log('\nStopping the dev build and the sandbox…');
  if (sandbox.exitCode === null && sandbox.signalCode === null) sandbox.kill('SIGTERM');
  const forceKill = setTimeout(() => sandbox.kill('SIGKILL'), 10_000);
  await Promise.all([wxt?.stop().catch(() => {}), sandboxExited]);
  clearTimeout(forceKill);
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
// Whatever ends this process, the sandbox goes with it.
process.once('exit', () => {
  if (sandbox.exitCode === null && sandbox.signalCode === null) sandbox.kill('SIGTERM');
});
// npm runs this under `sh -c`: a SIGTERM sent to npm alone (a process manager, CI)
// reaches only that shell, which dies without passing it on, and this process was
// left running with its sandbox. Being orphaned that way counts as a SIGTERM.
if (process.env.npm_lifecycle_event !== undefined) {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(0), 1000).unref();
}

/** The port the sandbox listens on, or null if it exited (after saying why) first. */
const port = await new Promise((resolve) => {
  sandbox.on('message', (message) => {
    if (message?.type === 'vivre-sandbox:listening') resolve(message.port);
  });
  void sandboxExited.then(() => resolve(null));
});
if (port === null) {
  if (!stopping) {
    // The sandbox prints its own one-line reason (a busy port, a bad flag) and
    // exits with 1 or 2; anything else deserves a pointer.
    const code = sandbox.exitCode;
    if (code !== 1 && code !== 2) {
      console.error(
        `The sandbox stopped before it listened (exit code ${code ?? sandbox.signalCode}).`,
      );
    }
    process.exit(code === 2 ? 2 : 1);
  }
  await new Promise(() => {}); // stop() is exiting
}

sandbox.once('exit', (code, signal) => {
  if (!stopping) {
    console.error(`\nThe sandbox stopped unexpectedly (exit code ${code ?? signal}).`);
    void stop(1);
  }
});

// A development build already defaults to the sandbox (import.meta.env.DEV) and is
// granted loopback hosts (mode 'development'); WXT_VIVRE_SANDBOX=1 is for test builds
// and would also move the output to .output/chrome-mv3-dev-test.
const baseUrl = devBaseUrl(options.host, port);
process.env[SANDBOX_URL_ENV] = baseUrl;

// Vite and WXT stop everything when stdin ends: see useStdinThatNeverEnds.
useStdinThatNeverEnds({ forward: canOpenBrowser && isatty(0) });

// WXT restarts itself when its config changes without awaiting it: a restart whose
// build fails is an unhandled rejection that leaves no dev build. Say so, stop both.
process.on('unhandledRejection', (error) => {
  if (stopping) return;
  console.error(error);
  console.error('\nThe dev build stopped on the error above; fix it and run npm start again.');
  void stop(1);
});

let outDir = path.join(root, '.output/chrome-mv3-dev');
const { createServer } = await import('wxt');
try {
  wxt = await createServer({
    root,
    webExt: { disabled: !canOpenBrowser },
    hooks: { 'config:resolved': (resolved) => void (outDir = resolved.config.outDir) },
  });
  if (stopping) await new Promise(() => {});
  await wxt.start();
} catch (error) {
  if (stopping) await new Promise(() => {});
  console.error(error);
  await stop(1);
}

console.log(`
Vivre for Gmail is running in development mode.
  API sandbox:  ${baseUrl}  (workspace ws_demo; its keys are listed above)
  Extension:    ${path.relative(process.cwd(), outDir)}  (rebuilt on every change; it defaults to this sandbox)
${
  canOpenBrowser
    ? '  WXT opened a browser with the extension loaded.'
    : `  No display here, so no browser was opened. To try it in Chrome:
    1. open chrome://extensions and turn on "Developer mode";
    2. click "Load unpacked" and choose ${outDir};
    3. open https://mail.google.com/ — the extension already uses the sandbox's demo key.`
}
Press Ctrl+C to stop both.`);
