import { BrowserRouter } from 'react-router-dom';
import { AppErrorBoundary } from '../features/layout/AppErrorBoundary';
import { AppProviders } from './AppProviders';
import { AppRoutes } from './AppRoutes';
import type { AppServices } from './services';

export function App({ services }: { services: AppServices }) {
  return (
    <AppErrorBoundary>
      <AppProviders services={services}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </AppErrorBoundary>
  );
}
