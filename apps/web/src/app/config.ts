// The runtime configuration (public/runtime-config.js, served by vite.config.ts): read once, here only.
export type AppConfig = { apiUrl: string; keycloakUrl: string; realm: string; clientId: string };

declare global {
  // A global augmentation has to be an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __ALBERO_CONFIG__?: Partial<AppConfig>;
  }
}

const defaults: AppConfig = {
  apiUrl: 'http://localhost:4000/graphql',
  keycloakUrl: 'http://localhost:8080',
  realm: 'albero',
  clientId: 'albero-web',
};

/** Where the API and the identity provider are. */
export function appConfig(): AppConfig {
  return { ...defaults, ...(typeof window === 'undefined' ? {} : window.__ALBERO_CONFIG__) };
}
