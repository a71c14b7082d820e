/** Decorative spinner; pair it with a visible or visually hidden label. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
