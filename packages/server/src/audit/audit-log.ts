import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../http/ids.js';
import { AUDIT_EVENTS, type AuditEventType } from './audit-events.js';

export interface AuditEvent {
  readonly tenantId: string;
  readonly userId: string;
  readonly eventType: AuditEventType;
  /** The resource as the event describes it; names and ids, never row data or secrets. */
  readonly data: Record<string, unknown>;
  readonly extensions?: Record<string, unknown>;
}

/**
 * Appends one event. Pass the transaction that makes the change so the change cannot commit
 * without its event. The table refuses updates and deletes (triggers in the migration).
 */
// Known shortcoming: events are append-only (store triggers) but not yet hash-chained
// (research/security.md §4.3), so a privileged database user's edit would go unnoticed.
export async function appendAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audits')
    .values({
      id: newId(),
      tenant_id: event.tenantId,
      event_type: event.eventType,
      event_time: nowIso(),
      source: AUDIT_EVENTS[event.eventType].source,
      user_id: event.userId,
      extensions: JSON.stringify({
        actor: { sub: event.userId, subType: 'user' },
        ...event.extensions,
      }),
      data: JSON.stringify({ attributes: event.data }),
    })
    .execute();
}
