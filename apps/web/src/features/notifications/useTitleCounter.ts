import { useEffect } from 'react';

const COUNTER = /^\(\d+\) /;

/**
 * Prefixes the tab title with "(n) " while `count` > 0. Pages set their own <title> (React hoists it): the prefix is
 * put back whenever the title changes under it.
 */
export function useTitleCounter(count: number): void {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNTER, '');
      const next = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNTER, '');
    };
  }, [count]);
}
