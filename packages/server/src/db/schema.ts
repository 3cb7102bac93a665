import type { Generated } from 'kysely';

/**
 * The metadata schema, one set of tables for SQLite and PostgreSQL. Conventions that keep one code
 * path: ids and timestamps are text (ISO-8601 UTC), booleans are 0/1 integers, lists and small
 * objects are JSON text. Every row but `tenants` carries `tenant_id`; customer content (scripts,
 * app documents, data files, models, logs) never lives here, only in the encrypted blob store.
 */
export interface TenantsTable {
  id: string;
  name: string;
  hostnames: string;
  status: string;
  region: string;
  /** The tenant key, wrapped by the root key (base64). */
  wrapped_key: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  subject: string;
  name: string;
  email: string;
  status: string;
  /** JSON array of tenant role names. */
  roles: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  user_id: string;
  description: string;
  token_hash: string;
  expiry: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface InvitesTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  expires_at: string;
  used: number;
}

export interface SpacesTable {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  type: string;
  owner_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SpaceAssignmentsTable {
  id: string;
  tenant_id: string;
  space_id: string;
  type: string;
  assignee_id: string;
  /** JSON array of space role ids. */
  roles: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AppsTable {
  id: string;
  tenant_id: string;
  /** null = the owner's personal space. */
  space_id: string | null;
  owner_id: string;
  name: string;
  description: string;
  usage: string;
  /** Model version serving now; null before the first successful reload. */
  current_version: number | null;
  last_reload_time: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppVersionsTable {
  tenant_id: string;
  app_id: string;
  version: number;
  size: number;
  created_at: string;
}

export interface AppScriptsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  /** Increasing per app; the highest is `current`. */
  seq: number;
  version_message: string;
  modifier_id: string;
  size: number;
  created_at: string;
}

export interface DataFilesTable {
  id: string;
  tenant_id: string;
  space_id: string | null;
  owner_id: string;
  /** space id, or `personal:<userId>`: what a name is unique within. */
  scope_key: string;
  name: string;
  size: number;
  /** Object id of the current content; a replace writes a new one, then swaps. */
  content_id: string;
  created_at: string;
  updated_at: string;
}

export interface ReloadsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  user_id: string;
  type: string;
  status: string;
  partial: number;
  creation_time: string;
  start_time: string | null;
  end_time: string | null;
  error_code: string | null;
  error_message: string | null;
  /** Model version this reload published, when it succeeded. */
  version: number | null;
}

export interface ItemsTable {
  id: string;
  tenant_id: string;
  resource_type: string;
  resource_id: string;
  name: string;
  description: string;
  space_id: string | null;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

export interface AuditsTable {
  /** Insertion order; lets lists page stably. */
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  event_type: string;
  event_time: string;
  source: string;
  user_id: string;
  /** JSON text. */
  extensions: string;
  data: string;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  spaces: SpacesTable;
  space_assignments: SpaceAssignmentsTable;
  apps: AppsTable;
  app_versions: AppVersionsTable;
  app_scripts: AppScriptsTable;
  data_files: DataFilesTable;
  reloads: ReloadsTable;
  items: ItemsTable;
  audits: AuditsTable;
}
