import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiContext } from '../lib/ApiContext';
import { SessionProvider } from '../features/auth/SessionProvider';
import { ToastProvider } from '../features/ui/ToastProvider';
import type { AppServices } from './services';

interface AppProvidersProps {
  services: AppServices;
  children: ReactNode;
}

/** React Query, the API client, the session and notifications (the router is added by the caller). */
export function AppProviders({ services, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={services.queryClient}>
      <ApiContext value={services.api}>
        <SessionProvider store={services.sessionStore}>
          <ToastProvider>{children}</ToastProvider>
        </SessionProvider>
      </ApiContext>
    </QueryClientProvider>
  );
}
