/**
 * The audit event catalogue: every event Cairn writes, with the Qlik name where Qlik documents
 * one (rest-api.md §2.14) and `com.qlik.v1.<resource>.<action>` otherwise. appendAudit accepts
 * only these names; docs/audit-events.md is rendered from this table (a test compares them).
 */
export const AUDIT_EVENTS = {
  'com.qlik.v1.tenant.created': {
    source: 'com.qlik/tenants',
    when: 'a tenant is created (operator key or first start)',
    qlik: false,
  },
  'com.qlik.v1.tenant.updated': {
    source: 'com.qlik/tenants',
    when: 'a tenant is renamed or its hostnames change',
    qlik: false,
  },
  'com.qlik.v1.user.created': {
    source: 'com.qlik/identities',
    when: 'a user is created or invited',
    qlik: true,
  },
  'com.qlik.v1.user.updated': {
    source: 'com.qlik/identities',
    when: 'a user’s name, status or tenant roles change',
    qlik: false,
  },
  'com.qlik.v1.user.deleted': {
    source: 'com.qlik/identities',
    when: 'a user is deleted (their keys are revoked)',
    qlik: true,
  },
  'com.qlik.v1.user-session.begin': {
    source: 'com.qlik/edge-auth',
    when: 'a sign-in succeeds (password or invite)',
    qlik: false,
  },
  'com.qlik.v1.user-session.end': {
    source: 'com.qlik/edge-auth',
    when: 'a user signs out',
    qlik: false,
  },
  'com.qlik.v1.user-session.login.failed': {
    source: 'com.qlik/edge-auth',
    when: 'a sign-in fails for a known e-mail',
    qlik: false,
  },
  'com.qlik.v1.api-key.created': {
    source: 'com.qlik/api-keys',
    when: 'an API key is created',
    qlik: false,
  },
  'com.qlik.v1.api-key.revoked': {
    source: 'com.qlik/api-keys',
    when: 'an API key is revoked',
    qlik: false,
  },
  'com.qlik.space.created': { source: 'com.qlik/spaces', when: 'a space is created', qlik: true },
  'com.qlik.space.updated': {
    source: 'com.qlik/spaces',
    when: 'a space is renamed, described or changes owner',
    qlik: true,
  },
  'com.qlik.space.deleted': { source: 'com.qlik/spaces', when: 'a space is deleted', qlik: true },
  'com.qlik.space.assignment.created': {
    source: 'com.qlik/spaces',
    when: 'a user is given roles in a space',
    qlik: true,
  },
  'com.qlik.space.assignment.updated': {
    source: 'com.qlik/spaces',
    when: 'a user’s space roles change',
    qlik: true,
  },
  'com.qlik.space.assignment.deleted': {
    source: 'com.qlik/spaces',
    when: 'a user is removed from a space',
    qlik: true,
  },
  'com.qlik.v1.app.created': {
    source: 'com.qlik/engine',
    when: 'an app is created or copied',
    qlik: true,
  },
  'com.qlik.v1.app.updated': {
    source: 'com.qlik/engine',
    when: 'an app’s name or description changes',
    qlik: false,
  },
  'com.qlik.v1.app.opened': {
    source: 'com.qlik/engine',
    when: 'an app is opened over the Engine API',
    qlik: true,
  },
  'com.qlik.v1.app.deleted': { source: 'com.qlik/engine', when: 'an app is deleted', qlik: true },
  'com.qlik.v1.app.reload.finished': {
    source: 'com.qlik/engine',
    when: 'a reload of the app ends (any status)',
    qlik: true,
  },
  'com.qlik.v1.reload.finished': {
    source: 'com.qlik/reloads',
    when: 'a reload request ends (any status)',
    qlik: true,
  },
  'com.qlik.v1.data-file.created': {
    source: 'com.qlik/data-files',
    when: 'a data file is uploaded',
    qlik: false,
  },
  'com.qlik.v1.data-file.updated': {
    source: 'com.qlik/data-files',
    when: 'a data file’s content is replaced',
    qlik: false,
  },
  'com.qlik.v1.data-file.deleted': {
    source: 'com.qlik/data-files',
    when: 'a data file is deleted',
    qlik: false,
  },
} as const satisfies Record<string, { source: string; when: string; qlik: boolean }>;

export type AuditEventType = keyof typeof AUDIT_EVENTS;

export function renderAuditEventsDoc(): string {
  const rows = Object.entries(AUDIT_EVENTS).map(
    ([type, e]) => `| \`${type}\` | \`${e.source}\` | ${e.when} | ${e.qlik ? 'Qlik' : 'Cairn'} |`,
  );
  return [
    '# Audit events',
    '',
    '<!-- Generated from packages/server/src/audit/audit-events.ts; a test keeps them equal. -->',
    '',
    'Every security-relevant action appends one event to the tenant’s audit trail, in the same',
    'transaction as the change. `GET /api/v1/audits` (TenantAdmin) lists them; no endpoint changes',
    'or deletes an event, and the store itself refuses updates and deletes (triggers). Names are',
    'Qlik’s where Qlik documents them (column "name from"), otherwise `com.qlik.v1.<resource>.<action>`.',
    'Events carry names and ids, never secrets or row data.',
    '',
    '| event type | source | written when | name from |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
