import type { ReactNode } from 'react';

/** Says why a management control is missing (agents see the data but not the owners' and admins' controls). */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p className="read-only-note muted small">
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
