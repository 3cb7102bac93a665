import type { HttpClient } from './http.js';
import type {
  DataFile,
  DataFileConnection,
  Item,
  ListEnvelope,
  NxApp,
  Reload,
  Space,
  User,
} from './types.js';

const q = encodeURIComponent;

/** `null` space id means the caller's personal space, which has no id in Qlik's APIs. */
export type SpaceRef = string | null;

/** The REST calls the hub makes; everything goes through the server's public API. */
export function createRestApi(http: HttpClient) {
  return {
    async signIn(email: string, password: string): Promise<void> {
      http.resetCsrf();
      await http.send('POST', '/login', { email, password }, { csrf: false });
      http.resetCsrf();
    },
    async signOut(): Promise<void> {
      await http.send('POST', '/logout', undefined, { csrf: false });
      http.resetCsrf();
    },
    me: () => http.get<User>('/api/v1/users/me'),
    async spaces(): Promise<readonly Space[]> {
      return (await http.get<ListEnvelope<Space>>('/api/v1/spaces?limit=100')).data;
    },
    createSpace: (name: string, type: string, description: string) =>
      http.send<Space>('POST', '/api/v1/spaces', { name, type, description }),
    // Known gap: lists stop at the first 100 entries (no paging through `links.next` yet).
    async apps(space: SpaceRef, query = ''): Promise<readonly Item[]> {
      const params = new URLSearchParams({ resourceType: 'app', limit: '100', sort: 'name' });
      params.set('spaceId', space ?? 'personal');
      if (query !== '') params.set('query', query);
      return (await http.get<ListEnvelope<Item>>(`/api/v1/items?${params}`)).data;
    },
    /**
     * Item search across every space the user may see. Known gap: apps only (the hub shows no
     * other item types yet), and only the first 100 matches; no paging through `links.next`.
     */
    async searchItems(query: string): Promise<readonly Item[]> {
      const params = new URLSearchParams({ resourceType: 'app', limit: '100', query });
      return (await http.get<ListEnvelope<Item>>(`/api/v1/items?${params}`)).data;
    },
    createApp: (name: string, space: SpaceRef) =>
      http.send<NxApp>('POST', '/api/v1/apps', {
        attributes: space === null ? { name } : { name, spaceId: space },
      }),
    app: (appId: string) => http.get<NxApp>(`/api/v1/apps/${q(appId)}`),
    async script(appId: string): Promise<string> {
      const body = await http.get<{ script?: string }>(`/api/v1/apps/${q(appId)}/scripts/current`);
      return body.script ?? '';
    },
    saveScript: (appId: string, script: string) =>
      http.send<unknown>('POST', `/api/v1/apps/${q(appId)}/scripts`, { script }),
    startReload: (appId: string) => http.send<Reload>('POST', '/api/v1/reloads', { appId }),
    reload: (reloadId: string) => http.get<Reload>(`/api/v1/reloads/${q(reloadId)}`),
    async latestReload(appId: string): Promise<Reload | null> {
      const path = `/api/v1/reloads?appId=${q(appId)}&limit=1&sort=-creationTime`;
      return (await http.get<ListEnvelope<Reload>>(path)).data[0] ?? null;
    },
    reloadLog: (appId: string, reloadId: string) =>
      http.getText(`/api/v1/apps/${q(appId)}/reloads/logs/${q(reloadId)}`),
    async dataFileConnection(space: SpaceRef): Promise<DataFileConnection | null> {
      const filter = space === null ? 'personal=true' : `spaceId=${q(space)}`;
      const path = `/api/v1/data-files/connections?${filter}`;
      return (await http.get<ListEnvelope<DataFileConnection>>(path)).data[0] ?? null;
    },
    async dataFiles(connectionId: string): Promise<readonly DataFile[]> {
      const path = `/api/v1/data-files?connectionId=${q(connectionId)}&limit=100&sort=name`;
      return (await http.get<ListEnvelope<DataFile>>(path)).data;
    },
  };
}

export type RestApi = ReturnType<typeof createRestApi>;
