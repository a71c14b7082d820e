import { createContext } from 'react';
import type { NotificationStore } from '../notifications/notificationStore';

export interface RealtimeContextValue {
  /** The stream has been trying to (re)connect for a while: the screen may be behind. */
  reconnecting: boolean;
  notifications: NotificationStore;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);
