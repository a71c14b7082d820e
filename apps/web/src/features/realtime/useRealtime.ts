import { useContext } from 'react';
import { RealtimeContext, type RealtimeContextValue } from './RealtimeContext';

/** The realtime stream's state and the notifications; only below <RealtimeProvider>. */
export function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}
