import { ApiError, forbidden, notFound } from '../http/errors.js';
import type { Principal, TenantRole, UserPrincipal } from './principal.js';
import { isSpaceType, SPACE_ACTIONS, SPACE_ROLES, type SpaceAction } from './space-roles.js';

/**
 * The one place that decides who may do what. Every route asks here; nothing else compares
 * roles. Rules: a resource the caller cannot read answers 404 (unknown and forbidden look
 * alike); a readable resource whose action the caller lacks answers 403.
 */

export interface SpaceRef {
  readonly id: string;
  readonly tenantId: string;
  readonly type: string;
  readonly ownerId: string;
}

/** A resource that lives in a space (null = the owner's personal space). */
export interface SpacedResource {
  readonly kind: string;
  readonly id: string;
  readonly tenantId: string;
  readonly ownerId: string;
  readonly space: SpaceRef | null;
  /** The caller's space roles in `space`, looked up by the caller of `authorize`. */
  readonly callerSpaceRoles: readonly string[];
}

export function requireUser(principal: Principal | null): UserPrincipal {
  if (principal === null) throw new ApiError('HTTP-401', 'a valid API key or session is required');
  if (principal.kind !== 'user') {
    throw forbidden('the operator key manages tenants only; use a user API key');
  }
  return principal;
}

export function requireTenantRole(user: UserPrincipal, ...anyOf: TenantRole[]): void {
  if (anyOf.some((role) => user.roles.has(role))) return;
  throw forbidden(`this action needs the tenant role ${anyOf.join(' or ')}`);
}

export function isTenantAdmin(user: UserPrincipal): boolean {
  return user.roles.has('TenantAdmin');
}

/** Actions the caller holds in a space, from ownership, tenant role and assignment roles. */
export function spaceActions(
  user: UserPrincipal,
  space: SpaceRef,
  roles: readonly string[],
): Set<SpaceAction> {
  if (space.tenantId !== user.tenantId) return new Set();
  // Owners and tenant admins administer every space of their tenant.
  if (space.ownerId === user.userId || isTenantAdmin(user)) return new Set(SPACE_ACTIONS);
  const actions = new Set<SpaceAction>();
  if (!isSpaceType(space.type)) return actions;
  const table = SPACE_ROLES[space.type];
  for (const role of roles) for (const action of table[role] ?? []) actions.add(action);
  return actions;
}

/** Actions on a resource: personal resources belong to their owner alone. */
export function resourceActions(user: UserPrincipal, resource: SpacedResource): Set<SpaceAction> {
  if (resource.tenantId !== user.tenantId) return new Set();
  if (resource.space === null) {
    return resource.ownerId === user.userId ? new Set(SPACE_ACTIONS) : new Set();
  }
  return spaceActions(user, resource.space, resource.callerSpaceRoles);
}

/** What reading a resource of each kind needs; holding none of these hides it (404). */
const READ_ACTION: Record<string, SpaceAction> = {
  space: 'space:read',
  app: 'app:read',
  'data file': 'data:read',
};

/** Throws 404 when the caller cannot see the resource, 403 when it can but lacks `action`. */
export function authorize(
  user: UserPrincipal,
  resource: SpacedResource,
  action: SpaceAction,
): void {
  const actions = resourceActions(user, resource);
  const read = READ_ACTION[resource.kind] ?? 'space:read';
  if (!actions.has(read) && !actions.has(action)) throw notFound(resource.kind, resource.id);
  if (!actions.has(action)) {
    throw forbidden(`your role in this space does not allow ${action} on ${resource.kind}`);
  }
}
