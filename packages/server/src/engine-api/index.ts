export type {
  AppDocument,
  AppEvent,
  AppMeta,
  AppRights,
  EngineApiDeps,
  EnginePrincipal,
  Json,
  JsonObject,
  ReloadHandle,
  ScriptVariable,
  SessionAppReload,
  StoredObject,
  UpgradeRequest,
} from './deps.js';
export { EngineDepsError } from './deps.js';
