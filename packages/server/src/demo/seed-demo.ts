import { readFile } from 'node:fs/promises';
import type { UserPrincipal } from '../auth/principal.js';
import type { ReloadQueue } from '../reloads/reload-queue.js';
import { updateAppDocument } from '../services/app-document.js';
import { createApp, saveScript } from '../services/apps.js';
import { storeDataFile } from '../services/data-files.js';
import type { Platform } from '../services/platform.js';
import { createSpace } from '../services/spaces.js';
import { sheetObjects } from './chart-properties.js';
import type { DemoApp } from './demo-app.js';
import { demoFiles } from './demo-files.js';
import { diamondsApp } from './diamonds-app.js';
import { flightsApp } from './flights-app.js';
import { northwindApp } from './northwind-app.js';

export const DEMO_APPS: readonly DemoApp[] = [flightsApp, northwindApp, diamondsApp];

/**
 * Fills a new tenant with the Demo space, going the way a user goes: files uploaded into the
 * space, apps created there with their load scripts and sheets, and a reload of each queued.
 * It returns once the reloads are queued; they build in the background like any other reload.
 */
export async function seedDemo(
  platform: Platform,
  queue: ReloadQueue,
  admin: UserPrincipal,
): Promise<{ spaceId: string; appIds: string[] }> {
  const { db } = platform.store;
  const space = await createSpace(db, admin, {
    name: 'Demo',
    type: 'shared',
    description: 'Apps built from public data sets: US flights, Northwind and diamonds.',
  });
  const files = demoFiles();
  const needed = new Set(DEMO_APPS.flatMap((app) => app.files));
  for (const key of needed) {
    const file = files[key];
    const bytes = await readFile(file.path);
    await storeDataFile(platform, admin, { name: file.name, connectionId: space.id, bytes });
  }
  const appIds: string[] = [];
  for (const demo of DEMO_APPS) {
    const app = await createApp(platform, admin, {
      name: demo.name,
      description: demo.description,
      spaceId: space.id,
    });
    const appId = app.id;
    await saveScript(platform, admin, appId, demo.script, 'Demo script');
    await updateAppDocument(platform, admin.tenantId, appId, (doc) => {
      demo.sheets.forEach((sheet, rank) => {
        doc.objects.push(...sheetObjects(sheet, `${appId.slice(0, 8)}-sheet-${rank + 1}`, rank));
      });
    });
    await queue.enqueue(admin, appId, false);
    appIds.push(appId);
  }
  platform.log.info({ spaceId: space.id, apps: appIds.length }, 'demo content created');
  return { spaceId: space.id, appIds };
}
