import { appendAudit } from '../audit/audit-log.js';
import { objectIds } from '../blob/object-store.js';
import type { ReloadsTable } from '../db/schema.js';
import { nowIso } from '../http/ids.js';
import type { Platform } from '../services/platform.js';
import { ReloadFailure, type ReloadOutput } from './reload-runner.js';

/** Writes the new model version, then flips the app to it in one transaction. */
export async function publishReload(
  platform: Platform,
  row: ReloadsTable,
  output: ReloadOutput,
): Promise<void> {
  const db = platform.store.db;
  const last = await db
    .selectFrom('app_versions')
    .select('version')
    .where('tenant_id', '=', row.tenant_id)
    .where('app_id', '=', row.app_id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  const modelId = objectIds.appModel(row.app_id, version);
  await platform.objects.put(row.tenant_id, modelId, output.model);
  await platform.objects.put(
    row.tenant_id,
    `${modelId}.meta`,
    Buffer.from(JSON.stringify(output.metadata), 'utf8'),
  );
  await platform.objects.put(
    row.tenant_id,
    `${modelId}.vars`,
    Buffer.from(JSON.stringify(output.variables), 'utf8'),
  );
  const now = nowIso();
  const published = await db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom('apps')
      .select(['id', 'name', 'space_id'])
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.app_id)
      .executeTakeFirst();
    if (!app) return false;
    await trx
      .insertInto('app_versions')
      .values({
        tenant_id: row.tenant_id,
        app_id: row.app_id,
        version,
        size: output.model.length,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('apps')
      .set({ current_version: version, last_reload_time: now })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.app_id)
      .execute();
    await trx
      .updateTable('reloads')
      .set({ status: 'SUCCEEDED', end_time: now, version })
      .where('id', '=', row.id)
      .execute();
    await auditFinished(trx, row, 'SUCCEEDED', app.name, app.space_id);
    return true;
  });
  if (!published) {
    await platform.objects.delete(row.tenant_id, modelId);
    throw new ReloadFailure('FAILED', 'RELOADS-002', 'the app was deleted during the reload');
  }
  platform.events.emit({ type: 'reloaded', tenantId: row.tenant_id, appId: row.app_id });
}

export async function finishReload(
  platform: Platform,
  row: ReloadsTable,
  status: string,
  code: string,
  message: string,
): Promise<void> {
  await platform.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reloads')
      .set({ status, end_time: nowIso(), error_code: code, error_message: message })
      .where('id', '=', row.id)
      .execute();
    await auditFinished(trx, row, status, null, null);
  });
}

async function auditFinished(
  trx: Parameters<typeof appendAudit>[0],
  row: ReloadsTable,
  status: string,
  appName: string | null,
  spaceId: string | null,
): Promise<void> {
  const base = { tenantId: row.tenant_id, userId: row.user_id };
  await appendAudit(trx, {
    ...base,
    eventType: 'com.qlik.v1.reload.finished',
    data: { id: row.id, appId: row.app_id, status },
    extensions: { topLevelResourceId: row.app_id },
  });
  await appendAudit(trx, {
    ...base,
    eventType: 'com.qlik.v1.app.reload.finished',
    data: { id: row.app_id, name: appName ?? '', reloadId: row.id, status },
    extensions: { topLevelResourceId: row.app_id, spaceId: spaceId ?? '' },
  });
}
