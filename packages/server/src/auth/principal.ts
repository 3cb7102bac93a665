export const TENANT_ROLES = ['TenantAdmin', 'Developer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Who is calling, as established by one credential. */
export type Principal = UserPrincipal | OperatorPrincipal;

export interface UserPrincipal {
  readonly kind: 'user';
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: ReadonlySet<TenantRole>;
  /** Cookie sessions carry a CSRF token that writes must echo; bearer keys carry none. */
  readonly via: 'api-key' | 'session';
  readonly sessionIdHash?: string;
  readonly csrfToken?: string;
}

/** The platform operator: manages tenants, reads no tenant's content. */
export interface OperatorPrincipal {
  readonly kind: 'operator';
}

export function parseRoles(json: string): Set<TenantRole> {
  const list: unknown = JSON.parse(json);
  const roles = new Set<TenantRole>();
  if (Array.isArray(list)) {
    for (const r of list) if ((TENANT_ROLES as readonly unknown[]).includes(r)) roles.add(r);
  }
  return roles;
}
