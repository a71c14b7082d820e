import { Spinner } from './Spinner';

interface FullPageStatusProps {
  label: string;
}

/** Whole-screen loading state (session check, lazy route chunks). */
export function FullPageStatus({ label }: FullPageStatusProps) {
  return (
    <div className="center-screen" role="status" aria-live="polite">
      <Spinner />
      <span className="muted">{label}</span>
    </div>
  );
}
