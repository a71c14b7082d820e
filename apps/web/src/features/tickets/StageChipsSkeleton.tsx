const WIDTHS = [88, 120, 96, 132, 80];

/** Placeholder chips while the stages load; the label is read by screen readers. */
export function StageChipsSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <ul className="chip-list" aria-hidden="true">
        {WIDTHS.map((width) => (
          <li key={width}>
            <span className="chip skeleton" style={{ width }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
