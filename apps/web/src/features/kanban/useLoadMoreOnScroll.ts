import { useEffect, useRef } from 'react';

/** Calls `onLoadMore` when the returned sentinel element scrolls into view (when IntersectionObserver exists). */
export function useLoadMoreOnScroll(enabled: boolean, onLoadMore: () => void) {
  const sentinel = useRef<HTMLLIElement>(null);
  const callback = useRef(onLoadMore);

  useEffect(() => {
    callback.current = onLoadMore;
  });

  useEffect(() => {
    const node = sentinel.current;
    if (!enabled || !node || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '0px 0px 200px 0px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [enabled]);

  return sentinel;
}
