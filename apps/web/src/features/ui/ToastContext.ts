import { createContext } from 'react';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

export interface ToastApi {
  /** Shows a short message (errors stay until dismissed or replaced, successes fade out). */
  show: (toast: Omit<Toast, 'id'>) => void;
}

export const ToastContext = createContext<ToastApi | null>(null);
