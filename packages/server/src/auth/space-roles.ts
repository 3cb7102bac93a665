/**
 * Space roles and what they allow. This table is the single source for every space check and
 * for docs/space-roles.md (a test compares the two).
 */
export const SPACE_TYPES = ['shared', 'managed', 'data'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

export const SPACE_ACTIONS = [
  'space:read',
  'space:update',
  'space:members',
  'app:read',
  'app:create',
  'app:edit',
  'app:delete',
  'app:reload',
  'data:read',
  'data:write',
] as const;
export type SpaceAction = (typeof SPACE_ACTIONS)[number];

/** Role ids per space type, exactly as rest-api.md §2.6 lists them. */
export const SPACE_ROLES: Record<SpaceType, Record<string, readonly SpaceAction[]>> = {
  shared: {
    codeveloper: ['space:read', 'app:read', 'app:edit', 'app:reload', 'data:read'],
    consumer: ['space:read', 'app:read'],
    dataconsumer: ['space:read', 'data:read'],
    facilitator: ['space:read', 'space:members', 'app:read', 'data:read'],
    producer: [
      'space:read',
      'app:read',
      'app:create',
      'app:edit',
      'app:delete',
      'app:reload',
      'data:read',
      'data:write',
    ],
  },
  managed: {
    basicconsumer: ['space:read', 'app:read'],
    consumer: ['space:read', 'app:read'],
    contributor: ['space:read', 'app:read'],
    dataconsumer: ['space:read', 'data:read'],
    facilitator: ['space:read', 'space:members', 'app:read'],
    publisher: [
      'space:read',
      'app:read',
      'app:create',
      'app:delete',
      'app:reload',
      'data:read',
      'data:write',
    ],
  },
  data: {
    consumer: ['space:read', 'data:read'],
    dataconsumer: ['space:read', 'data:read'],
    datapreview: ['space:read'],
    facilitator: ['space:read', 'space:members', 'data:read'],
    operator: ['space:read', 'app:read', 'app:reload', 'data:read'],
    producer: [
      'space:read',
      'app:read',
      'app:create',
      'app:edit',
      'app:delete',
      'app:reload',
      'data:read',
      'data:write',
    ],
    publisher: ['space:read', 'data:read'],
  },
};

/**
 * Engine API rights per action: what a session on an app in the space may do. Read by the
 * Engine API through the deps it is given.
 */
export const ENGINE_RIGHTS: Partial<Record<SpaceAction, string>> = {
  'app:read': 'open the app, select, evaluate, create session objects',
  'app:edit': 'GetScript/SetScript, create and save sheets, objects, variables, DoSave',
  'app:reload': 'DoReload / DoReloadEx',
};

export function isSpaceType(value: string): value is SpaceType {
  return (SPACE_TYPES as readonly string[]).includes(value);
}

export function rolesFor(type: SpaceType): string[] {
  return Object.keys(SPACE_ROLES[type]).sort();
}
