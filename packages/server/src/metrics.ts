import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineStats } from './engine-api/index.js';
import type { ReloadQueue } from './reloads/reload-queue.js';
import type { Platform } from './services/platform.js';

/**
 * Prometheus metrics, served on their own port (CAIRN_METRICS_PORT), never on the public one.
 * Labels carry routes and statuses, never tenant ids or user data.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #duration: Histogram<'method' | 'route'>;

  constructor(
    platform: Platform,
    queue: ReloadQueue,
    engine: () => EngineStats | null = () => null,
  ) {
    const engineGauge = (name: string, help: string, read: (stats: EngineStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const stats = engine();
          this.set(stats === null ? 0 : read(stats));
        },
      });
    engineGauge('cairn_engine_sessions', 'Engine API sessions open now', (s) => s.sessions());
    engineGauge('cairn_engine_apps_in_memory', 'Apps whose data model is loaded', (s) =>
      s.appsInMemory(),
    );
    engineGauge('cairn_engine_memory_bytes', 'Estimated bytes of loaded data models', (s) =>
      s.residentBytes(),
    );
    this.#requests = new Counter({
      name: 'cairn_http_requests_total',
      help: 'HTTP requests',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.#duration = new Histogram({
      name: 'cairn_http_request_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'cairn_reloads_running',
      help: 'Reloads running now',
      registers: [this.registry],
      collect() {
        this.set(queue.runningCount);
      },
    });
    new Gauge({
      name: 'cairn_reload_queue_depth',
      help: 'Reloads waiting in the queue',
      registers: [this.registry],
      async collect() {
        const row = await platform.store.db
          .selectFrom('reloads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'QUEUED')
          .executeTakeFirst();
        this.set(Number(row?.n ?? 0));
      },
    });
    const finished = new Counter({
      name: 'cairn_reloads_finished_total',
      help: 'Reloads finished, by status',
      labelNames: ['status'],
      registers: [this.registry],
    });
    queue.onFinished((status) => finished.inc({ status }));
  }

  observeRequest(request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? 'unmatched';
    this.#requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    this.#duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  }

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(await this.registry.metrics());
  }
}
