/**
 * `npm start`: the local Vivre sandbox (persistent, port 8787) plus WXT's dev build
 * of the extension, which in development defaults to that sandbox and its demo
 * write key, so it works with no account and no settings. Ctrl+C stops both.
 *
 * Where there is no display (a server, a container) WXT cannot open a browser, so
 * its runner is disabled and the unpacked extension is left for you to load.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'wxt';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SANDBOX_URL = 'http://127.0.0.1:8787';
const canOpenBrowser =
  process.env.VIVRE_NO_BROWSER !== '1' &&
  (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

function startSandbox() {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return spawn(process.execPath, [tsx, 'sandbox/main.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
}

async function waitUntilUp(url, child) {
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null) return false;
    // Any HTTP answer (a 401 here) means the sandbox is listening.
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const sandbox = startSandbox();
if (!(await waitUntilUp(`${SANDBOX_URL}/v1/me`, sandbox))) {
  console.error(`\nThe sandbox did not come up at ${SANDBOX_URL}; see its message above.`);
  sandbox.kill('SIGTERM');
  process.exit(1);
}

process.env.WXT_VIVRE_SANDBOX = '1';
const wxt = await createServer({ root, webExt: { disabled: !canOpenBrowser } });

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the dev build and the sandbox…');
  await wxt.stop().catch(() => {});
  if (sandbox.exitCode === null) {
    sandbox.kill('SIGINT');
    await new Promise((resolve) => sandbox.once('exit', resolve));
  }
  process.exit(code);
}
// Vite exits the process on its own when stdin closes or on SIGTERM; never leave
// the sandbox running behind it.
process.once('exit', () => sandbox.exitCode === null && sandbox.kill('SIGTERM'));
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
sandbox.once('exit', (code) => {
  if (!stopping) {
    console.error(`\nThe sandbox stopped unexpectedly (exit code ${code}).`);
    void stop(1);
  }
});

await wxt.start();

const outDir = path.relative(process.cwd(), path.join(root, '.output/chrome-mv3-dev'));
console.log(`
Vivre for Gmail is running in development mode.
  API sandbox:  ${SANDBOX_URL}/v1  (workspace ws_demo; its keys are listed above)
  Extension:    ${outDir}  (rebuilt on every change)
${
  canOpenBrowser
    ? '  WXT opened a browser with the extension loaded.'
    : `  No display here, so no browser was opened. To try it in Chrome:
    1. open chrome://extensions and turn on "Developer mode";
    2. click "Load unpacked" and choose ${path.join(root, '.output/chrome-mv3-dev')};
    3. open https://mail.google.com/ — the extension already uses the sandbox's demo key.`
}
Press Ctrl+C to stop both.`);
