export { type Config, ConfigError, loadConfig } from './config/config.js';
export { ensureDefaultTenant, type FirstStartResult } from './first-start.js';
export { type CairnInstance, type CreateAppOptions, createApp } from './platform-factory.js';
export type {
  ModelMetadata,
  ReloadEnvironment,
  ReloadJob,
  ReloadOutput,
  ReloadRunner,
} from './reloads/reload-runner.js';
export { ReloadFailure } from './reloads/reload-runner.js';
export { type RunningServer, startServer, startServerFromEnv } from './server.js';
