/**
 * A reload process for runner tests that speaks the real IPC protocol without the script
 * interpreter. The script names the behaviour: `echo <path>`, `hang`, `oom`, `crash`, `fail`.
 */
import type { FromChild, ToChild } from '../reloads/child-messages.js';

const send = (m: FromChild) =>
  new Promise<void>((done) => process.send?.(m, undefined, undefined, () => done()));

process.on('message', async (raw) => {
  const message = raw as ToChild;
  if (message.type === 'file') {
    const bytes = message.bytes ?? new Uint8Array();
    await send({ type: 'log', line: `read ${bytes.length} bytes` });
    await send({
      type: 'done',
      model: bytes,
      metadata: { fields: [], tables: [] },
      variables: { vA: '1' },
    });
    process.exit(0);
  }
  if (message.type !== 'start') return;
  const [verb, arg] = message.script.split(' ');
  if (verb === 'echo') await send({ type: 'read', id: 1, path: arg ?? '' });
  else if (verb === 'hang') setInterval(() => undefined, 1000);
  else if (verb === 'crash') process.kill(process.pid, 'SIGKILL');
  else if (verb === 'fail') {
    await send({ type: 'failed', code: 'RELOADS-003', message: 'syntax error at line 1' });
    process.exit(1);
  } else if (verb === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
});
