import { createContext, type ReactNode, useContext } from 'react';
import { createHttpClient, type HttpClient } from '../api/http.js';
import { createRestApi, type RestApi } from '../api/rest.js';

export interface Services {
  readonly http: HttpClient;
  readonly rest: RestApi;
}

export function createServices(): Services {
  const http = createHttpClient();
  return { http, rest: createRestApi(http) };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider(props: {
  readonly services: Services;
  readonly children: ReactNode;
}) {
  return (
    <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices() called outside <ServicesProvider>');
  return services;
}
