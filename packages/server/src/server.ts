import { createServer, type Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserPrincipal } from './auth/principal.js';
import { type Config, loadConfig } from './config/config.js';
import { seedDemo } from './demo/seed-demo.js';
import { ensureDefaultTenant } from './first-start.js';
import { Metrics } from './metrics.js';
import { type CairnInstance, type CreateAppOptions, createApp } from './platform-factory.js';

const HUB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'hub', 'dist');

export interface RunningServer extends CairnInstance {
  /** Where the server listens, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly metricsUrl: string | null;
}

/**
 * Starts Cairn: store, first-start bootstrap, reload queue recovery, HTTP on HOST:PORT and
 * metrics on CAIRN_METRICS_PORT. Prints the hub URL and, on first start, where the generated
 * sign-in was written (never the secret itself). SIGTERM stops it cleanly.
 */
export async function startServer(
  config: Config,
  options: CreateAppOptions = {},
): Promise<RunningServer> {
  const instance = await createApp(config, { hubDir: HUB_DIR, ...options });
  const { app, platform, queue } = instance;
  const log = platform.log;
  const first = await ensureDefaultTenant(platform);
  const failed = await queue.recover();
  if (failed > 0)
    log.warn({ reloads: failed }, 'reloads interrupted by the last stop were marked FAILED');
  const metrics = new Metrics(platform, queue, instance.engineStats);
  app.addHook('onResponse', async (request, reply) => metrics.observeRequest(request, reply));
  const address = await app.listen({ port: config.port, host: config.host });
  if (first.created && first.adminUserId !== null && config.demo) {
    const admin: UserPrincipal = {
      kind: 'user',
      tenantId: first.tenantId,
      userId: first.adminUserId,
      roles: new Set(['TenantAdmin', 'Developer']),
      via: 'api-key',
    };
    // Demo content is a convenience: failing to create it must not stop the server.
    await seedDemo(platform, queue, admin).catch((error: Error) =>
      log.error({ err: error }, 'demo content could not be created'),
    );
  }
  queue.kick();

  let metricsServer: Server | null = null;
  let metricsUrl: string | null = null;
  if (config.metricsPort !== 0) {
    metricsServer = createServer((req, res) => void metrics.serve(req, res));
    await new Promise<void>((done) => metricsServer?.listen(config.metricsPort, config.host, done));
    const port = (metricsServer.address() as { port: number }).port;
    metricsUrl = `http://${config.host}:${port}/metrics`;
  }

  log.info({ url: `${config.publicUrl}/`, listening: address }, 'Cairn hub ready');
  if (first.created) {
    log.info(
      { email: config.adminEmail, credentialsFile: first.credentialsFile },
      'first start: default tenant and admin created; sign-in details are in credentialsFile',
    );
  }
  const close = async () => {
    metricsServer?.close();
    await instance.close();
  };
  const onSigterm = () => {
    log.info('SIGTERM: stopping (running reloads are requeued)');
    close().then(
      () => process.exit(0),
      (error: Error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSigterm);
  return {
    ...instance,
    url: address,
    metricsUrl,
    async close() {
      process.off('SIGTERM', onSigterm);
      await close();
    },
  };
}

/** `npm start` / `cairn serve`: configuration from the environment, validated once. */
export function startServerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  return startServer(loadConfig(env));
}
