import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAuditEventsDoc } from './audit/audit-events.js';
import { renderSpaceRolesDoc } from './auth/space-roles-doc.js';
import { loadConfig } from './config/config.js';
import { CONFIG_DOC, renderConfigurationDoc } from './config/config-doc.js';

const DOCS = new URL('../../../docs/', import.meta.url);

/** Compares a generated doc with the committed file; writes `<name>-changed.md` on mismatch. */
function expectDoc(name: string, text: string) {
  const path = fileURLToPath(new URL(name, DOCS));
  const committed = readFileSync(path, 'utf8');
  if (committed !== text) writeFileSync(path.replace(/\.md$/, '-changed.md'), text);
  expect(
    committed === text,
    `${name} is stale; compare with ${name.replace('.md', '-changed.md')}`,
  ).toBe(true);
}

describe('generated docs', () => {
  it('docs/space-roles.md matches the role table', () =>
    expectDoc('space-roles.md', renderSpaceRolesDoc()));
  it('docs/audit-events.md matches the event catalogue', () =>
    expectDoc('audit-events.md', renderAuditEventsDoc()));
  it('docs/configuration.md matches the settings table', () =>
    expectDoc('configuration.md', renderConfigurationDoc()));

  it('the settings table documents exactly the variables loadConfig reads', () => {
    const read = new Set<string>();
    const recorder = new Proxy(
      {},
      {
        get: (_target, key) => {
          if (typeof key === 'string') read.add(key);
          return undefined;
        },
      },
    );
    loadConfig(recorder as NodeJS.ProcessEnv);
    expect(CONFIG_DOC.flatMap((r) => r.names).sort()).toEqual([...read].sort());
  });
});
