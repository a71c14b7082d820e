import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Closer than this to the bottom counts as "reading the latest messages". */
const NEAR_BOTTOM_PX = 80;

interface ChatEnds {
  first: string | undefined;
  last: string | undefined;
  /** The last message is one the agent just sent (then the chat follows it even when scrolled up). */
  lastIsOwn: boolean;
}

/**
 * Keeps the chat on its newest message: it opens at the bottom and follows new messages while the reader is there (and
 * always after their own reply); older messages loaded above keep what was on screen in place. Returns the ref of the
 * scrolling list.
 */
export function useChatScroll<E extends HTMLElement>({ first, last, lastIsOwn }: ChatEnds): RefObject<E | null> {
  const list = useRef<E>(null);
  const seen = useRef<{ first?: string; last?: string; height: number; atBottom: boolean }>({
    height: 0,
    atBottom: true,
  });

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const before = seen.current;
    if (last !== before.last && (before.last === undefined || before.atBottom || lastIsOwn)) {
      element.scrollTop = element.scrollHeight;
    } else if (first !== before.first && last === before.last && before.height > 0) {
      element.scrollTop += element.scrollHeight - before.height;
    }
    const onScroll = () => {
      seen.current.height = element.scrollHeight;
      seen.current.atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    };
    seen.current = { first, last, height: element.scrollHeight, atBottom: true };
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [first, last, lastIsOwn]);
  return list;
}
