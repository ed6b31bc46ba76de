/**
 * The other end of ./sandbox-process.ts: a test sandbox in a process of its own, driven over
 * Node's IPC channel, so its request handling never waits behind the bench's own event loop
 * (Playwright's page routing, CDP traffic, the bench's timers).
 */
import { startTestSandbox, type TestSandbox } from '../../tests/e2e/harness/sandbox';
import type { SandboxCall, SandboxReply, SandboxStart } from './sandbox-process';

let sandbox: TestSandbox | null = null;
/** While the sandbox is down (`down`): lets `whileDown` end when the parent says `up`. */
let bringUp: (() => void) | null = null;
let upAgain: Promise<unknown> | null = null;

const reply = (message: SandboxReply) => process.send!(message);

/** `down` answers once the port refuses connections, `up` once it listens again. */
async function perform(call: SandboxCall): Promise<unknown> {
  const running = sandbox!;
  switch (call.op) {
    case 'get':
      return running.get(call.path);
    case 'counts':
      return running.counts();
    case 'activitiesOf':
      return running.activitiesOf(call.contactId);
    case 'setFaults':
      return running.setFaults(call.faults);
    case 'down':
      return new Promise<void>((isDown) => {
        upAgain = running.whileDown(
          () =>
            new Promise<void>((resolve) => {
              bringUp = resolve;
              isDown();
            }),
        );
      });
    case 'up':
      bringUp?.();
      bringUp = null;
      await upAgain;
      upAgain = null;
      return undefined;
    case 'close':
      await running.close();
      setImmediate(() => process.exit(0));
      return undefined;
  }
}

process.on('message', (message: SandboxStart | SandboxCall) => {
  if (message.op === 'start') {
    startTestSandbox(message.options).then(
      (started) => {
        sandbox = started;
        const { url, baseUrl, port } = started;
        reply({ id: message.id, ok: true, value: { url, baseUrl, port } });
      },
      (error: unknown) => reply({ id: message.id, ok: false, error: String(error) }),
    );
    return;
  }
  perform(message).then(
    (value) => reply({ id: message.id, ok: true, value }),
    (error: unknown) => reply({ id: message.id, ok: false, error: String(error) }),
  );
});
// The bench ended without closing (a crash): nothing is left listening.
process.on('disconnect', () => process.exit(0));
