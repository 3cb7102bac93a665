import type { TenantRole } from '../auth/principal.js';

/**
 * Tenant roles. Ids are fixed so scripts may hard-code them as they do against Qlik; every
 * user also holds the implied `User` role, which is not assignable.
 */
export const ROLE_DEFINITIONS: ReadonlyArray<{
  id: string;
  name: TenantRole | 'User';
  description: string;
  level: 'admin' | 'user';
  assignable: boolean;
}> = [
  {
    id: '000000000000000000000a01',
    name: 'TenantAdmin',
    description: 'Manages the tenant: users, roles, spaces, API keys, audits and settings.',
    level: 'admin',
    assignable: true,
  },
  {
    id: '000000000000000000000a02',
    name: 'Developer',
    description: 'Creates API keys and shared spaces.',
    level: 'user',
    assignable: true,
  },
  {
    id: '000000000000000000000a03',
    name: 'User',
    description: 'Implied for every user: personal space, apps shared with them.',
    level: 'user',
    assignable: false,
  },
];

export function roleJson(tenantId: string, role: (typeof ROLE_DEFINITIONS)[number]) {
  return {
    id: role.id,
    tenantId,
    name: role.name,
    description: role.description,
    type: 'default',
    level: role.level,
    assignedScopes: [],
    permissions: [],
    canEdit: false,
    canDelete: false,
  };
}

/** `[{id}]` or `[{name}]` as Qlik accepts in `assignedRoles`, resolved to role names. */
export function resolveRoleRefs(refs: ReadonlyArray<{ id?: string; name?: string }>): TenantRole[] {
  const names: TenantRole[] = [];
  for (const ref of refs) {
    const role = ROLE_DEFINITIONS.find(
      (r) => r.assignable && (r.id === ref.id || r.name === ref.name),
    );
    if (!role || role.name === 'User') {
      throw new Error(`unknown role ${JSON.stringify(ref.id ?? ref.name)}`);
    }
    if (!names.includes(role.name)) names.push(role.name);
  }
  return names;
}
