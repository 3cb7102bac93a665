import { ENGINE_RIGHTS, SPACE_ACTIONS, SPACE_ROLES, SPACE_TYPES } from './space-roles.js';

const ACTION_TEXT: Record<(typeof SPACE_ACTIONS)[number], string> = {
  'space:read': 'see the space and its members (`GET /spaces/{id}`, `/assignments`)',
  'space:update': 'rename, change owner, delete the space',
  'space:members': 'add, change and remove assignments',
  'app:read': 'see and open apps (`GET /apps/{id}`, items, reloads, logs, data/metadata)',
  'app:create': 'create apps in the space, copy apps into it',
  'app:edit': 'change app attributes, scripts (`/apps/{id}/scripts`), sheets and objects',
  'app:delete': 'delete apps',
  'app:reload': 'start and cancel reloads (`POST /reloads`)',
  'data:read': 'list data files and load them in scripts (`lib://<Space>:DataFiles/...`)',
  'data:write': 'upload, replace and delete data files',
};

/** docs/space-roles.md, rendered from the role table the access checks use. */
export function renderSpaceRolesDoc(): string {
  const out = [
    '# Space roles',
    '',
    '<!-- Generated from packages/server/src/auth/space-roles.ts; a test keeps them equal. -->',
    '',
    'Every REST endpoint and Engine API session asks one module (`auth/access.ts`) what the caller',
    'may do. A resource the caller cannot read answers 404 (unknown and forbidden look alike); a',
    'readable resource whose action the caller lacks answers 403. The space owner and tenant admins',
    'hold every action in the tenant’s spaces; personal-space content belongs to its owner alone.',
    '',
    '## Actions',
    '',
    '| action | allows | Engine API rights |',
    '|---|---|---|',
    ...SPACE_ACTIONS.map((a) => `| \`${a}\` | ${ACTION_TEXT[a]} | ${ENGINE_RIGHTS[a] ?? ''} |`),
    '',
  ];
  for (const type of SPACE_TYPES) {
    out.push(`## ${type} spaces`, '', '| role | actions |', '|---|---|');
    for (const [role, actions] of Object.entries(SPACE_ROLES[type])) {
      out.push(`| \`${role}\` | ${actions.map((a) => `\`${a}\``).join(', ')} |`);
    }
    out.push('');
  }
  out.push(
    '## Tenant roles',
    '',
    '| role | allows |',
    '|---|---|',
    '| `TenantAdmin` | users, roles, invites, audits, tenant settings, every space of the tenant |',
    '| `Developer` | API keys, creating shared, managed and data spaces |',
    '| `User` (implied) | personal space: own apps and data files; what space roles grant |',
    '',
  );
  return out.join('\n');
}
