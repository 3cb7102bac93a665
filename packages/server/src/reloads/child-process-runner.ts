import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from './child-messages.js';
import {
  type ReloadEnvironment,
  ReloadFailure,
  type ReloadJob,
  type ReloadOutput,
  type ReloadRunner,
} from './reload-runner.js';

const DEFAULT_CHILD = fileURLToPath(new URL('./reload-child.ts', import.meta.url));

/**
 * Runs each reload in its own Node process: a crash, a runaway loop or a heap blow-up there
 * cannot take the server down. The child gets no secrets and no store access; it asks the
 * server for files over IPC, and the server answers only what the reload may read.
 */
export function childProcessRunner(options: { childModule?: string } = {}): ReloadRunner {
  const childModule = options.childModule ?? DEFAULT_CHILD;
  return (job, env) => runInChild(childModule, job, env);
}

// Known shortcoming: every reload starts a fresh Node process and tsx compiles the engine and
// script packages in it (seconds on a busy machine). A pre-started, single-use child would hide
// that latency; it waits for a build step for server packages.
function childExecArgv(memoryMb: number): string[] {
  const argv = process.execArgv.filter((a) => !a.startsWith('--max-old-space-size'));
  // Under test runners the parent may not run through tsx; the child always needs it.
  if (!argv.some((a) => a.includes('tsx'))) argv.push('--import', 'tsx');
  return [...argv, `--max-old-space-size=${memoryMb}`];
}

function runInChild(
  childModule: string,
  job: ReloadJob,
  env: ReloadEnvironment,
): Promise<ReloadOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childExecArgv(env.memoryMb), childModule], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC' },
    });
    let stderrTail = '';
    let outcome: ReloadOutput | ReloadFailure | null = null;
    let stoppedBy: 'timeout' | 'cancel' | null = null;

    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    });
    const stop = (why: 'timeout' | 'cancel') => {
      stoppedBy ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), env.timeoutMs);
    const onAbort = () => stop('cancel');
    if (env.signal.aborted) onAbort();
    env.signal.addEventListener('abort', onAbort, { once: true });

    const send = (message: ToChild) => {
      if (child.connected) child.send(message);
    };
    child.on('message', (raw) => {
      const message = raw as FromChild;
      switch (message.type) {
        case 'log':
          env.log(message.line);
          break;
        case 'read':
          env.readFile(message.path).then(
            (bytes) => send({ type: 'file', id: message.id, bytes }),
            (error: Error) => send({ type: 'file', id: message.id, error: error.message }),
          );
          break;
        case 'list':
          env.listFiles(message.pattern).then(
            (paths) => send({ type: 'list', id: message.id, paths: [...paths] }),
            (error: Error) => send({ type: 'list', id: message.id, error: error.message }),
          );
          break;
        case 'done':
          outcome = {
            model: message.model,
            metadata: message.metadata,
            variables: message.variables,
          };
          break;
        case 'failed':
          outcome = new ReloadFailure('FAILED', message.code, message.message);
          break;
      }
    });
    child.on('error', (error) => {
      outcome ??= new ReloadFailure(
        'FAILED',
        'RELOADS-010',
        `could not start the reload process: ${error.message}`,
      );
    });
    // 'close', not 'exit': it fires after the IPC channel has delivered every message.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      env.signal.removeEventListener('abort', onAbort);
      if (stoppedBy === 'cancel') {
        reject(new ReloadFailure('CANCELED', 'RELOADS-008', 'the reload was canceled'));
      } else if (stoppedBy === 'timeout') {
        reject(
          new ReloadFailure(
            'EXCEEDED_LIMIT',
            'RELOADS-005',
            `the reload ran longer than ${env.timeoutMs / 1000} s`,
          ),
        );
      } else if (/heap limit|heap out of memory/i.test(stderrTail)) {
        reject(
          new ReloadFailure(
            'EXCEEDED_LIMIT',
            'RELOADS-006',
            `the reload used more than ${env.memoryMb} MB of memory`,
          ),
        );
      } else if (outcome instanceof ReloadFailure) {
        reject(outcome);
      } else if (outcome !== null && code === 0) {
        resolve(outcome);
      } else {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(
          new ReloadFailure(
            'FAILED',
            'RELOADS-009',
            `the reload process ended unexpectedly (${how})`,
          ),
        );
      }
    });
    send({ type: 'start', script: job.script, partial: job.partial, memoryMb: env.memoryMb });
  });
}
