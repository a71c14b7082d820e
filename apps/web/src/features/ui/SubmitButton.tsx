import { Spinner } from './Spinner';

interface SubmitButtonProps {
  pending: boolean;
  label: string;
  pendingLabel: string;
}

/** Primary submit button that stays focusable and announces progress while the request runs. */
export function SubmitButton({ pending, label, pendingLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="btn btn-primary btn-block" aria-disabled={pending || undefined}>
      {pending && <Spinner />}
      <span>{pending ? pendingLabel : label}</span>
    </button>
  );
}
