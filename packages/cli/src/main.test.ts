import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

function freshHome(): NodeJS.ProcessEnv {
  return { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cairn-cli-')) };
}

describe('cairn without a server', () => {
  it('context create saves the key in a file only its owner can read', async () => {
    const env = freshHome();
    const run = await runCli(
      ['context', 'create', 'local', '--server', 'http://127.0.0.1:9', '--api-key', 'k1'],
      env,
    );
    const file = join(env.XDG_CONFIG_HOME as string, 'cairn', 'config.json');
    expect(run.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).contexts.local.apiKey).toBe('k1');
  });

  it('context ls prints the contexts as JSON when piped, without their keys', async () => {
    const env = freshHome();
    await runCli(['context', 'create', 'a', '--server', 'http://h:1', '--api-key', 'secret'], env);
    const run = await runCli(['context', 'ls'], env);
    expect(JSON.parse(run.stdout)).toEqual([{ name: 'a', server: 'http://h:1', current: true }]);
    expect(run.stdout).not.toContain('secret');
  });

  it('a resource command with no context exits 2 and says how to make one', async () => {
    const run = await runCli(['space', 'ls'], freshHome());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cairn context create');
  });

  it('an unknown command exits 2', async () => {
    const run = await runCli(['frobnicate'], freshHome());
    expect(run.code).toBe(2);
  });

  it('a server that is down exits 3', async () => {
    const env = { ...freshHome(), CAIRN_URL: 'http://127.0.0.1:9', CAIRN_API_KEY: 'k' };
    const run = await runCli(['app', 'ls'], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot reach http://127.0.0.1:9');
  });

  it('context use of an unknown name exits 2 naming the saved ones', async () => {
    const env = freshHome();
    await runCli(['context', 'create', 'a', '--server', 'http://h:1', '--api-key', 'k'], env);
    const run = await runCli(['context', 'use', 'b'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('saved: a');
  });
});

describe('cairn serve', () => {
  it('a corrupt key file stops start-up with a message naming the file', async () => {
    const env = freshHome();
    const dataDir = join(env.XDG_CONFIG_HOME as string, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'master.key'), 'not a key\n');
    const run = await runCli(['serve'], {
      ...env,
      CAIRN_DATA_DIR: dataDir,
      PORT: '0',
      CAIRN_METRICS_PORT: '0',
      CAIRN_LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(dataDir, 'master.key'));
  });

  it('an invalid setting stops start-up naming the variable, exit 2', async () => {
    const run = await runCli(['serve'], { ...freshHome(), PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PORT');
  });
});
