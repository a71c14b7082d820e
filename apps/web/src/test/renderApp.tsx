import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AppProviders } from '../app/AppProviders';
import { AppRoutes } from '../app/AppRoutes';
import { createAppServices } from '../app/services';
import { TOKEN_STORAGE_KEY } from '../lib/session-store';

interface RenderAppOptions {
  fetch: (request: Request) => Promise<Response>;
  /** A token saved by a previous visit (simulates a reload with a session). */
  storedToken?: string;
}

/** Shows the current route so tests can assert redirects. */
function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location">
      {location.pathname}
      {location.search}
    </output>
  );
}

/** Renders the real routes and providers at `path`, with the API answered by a fake fetch. */
export function renderApp(path: string, { fetch, storedToken }: RenderAppOptions) {
  if (storedToken) window.localStorage.setItem(TOKEN_STORAGE_KEY, storedToken);
  const services = createAppServices({ fetch, baseUrl: 'http://localhost:3000' });
  const defaults = services.queryClient.getDefaultOptions();
  services.queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retryDelay: 0 } });
  const view = render(
    <AppProviders services={services}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, services };
}
