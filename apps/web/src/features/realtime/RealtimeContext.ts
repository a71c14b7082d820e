import { createContext } from 'react';
import type { NotificationStore } from '../notifications/notificationStore';
import type { StreamStatus } from './eventStream';

export interface RealtimeContextValue {
  status: StreamStatus;
  /** The stream has been trying to (re)connect for a while: the screen may be behind. */
  reconnecting: boolean;
  notifications: NotificationStore;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);
