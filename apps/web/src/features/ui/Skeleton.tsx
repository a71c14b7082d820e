interface SkeletonListProps {
  label: string;
  rows?: number;
  /** Height of each placeholder line, px. */
  height?: number;
}

/** Shimmering placeholders while a list loads; the label is read by screen readers. */
export function SkeletonList({ label, rows = 5, height = 44 }: SkeletonListProps) {
  return (
    <div role="status" aria-live="polite" className="skeleton-list">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <span key={index} className="skeleton skeleton-line" style={{ height }} aria-hidden="true" />
      ))}
    </div>
  );
}
