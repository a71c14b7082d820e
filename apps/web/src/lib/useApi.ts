import { useContext } from 'react';
import type { Api } from './api';
import { ApiContext } from './ApiContext';

/** The typed client and React Query hooks of the current app. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <AppProviders>');
  return api;
}
