import { useContext } from 'react';
import { RealtimeContext } from './RealtimeContext';

/** Whether the realtime stream is delivering changes right now (false outside the dashboard or while it is down). */
export function useLiveUpdates(): boolean {
  return useContext(RealtimeContext)?.status === 'open';
}
