import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Closer than this to the bottom counts as "reading the latest messages". */
const NEAR_BOTTOM_PX = 80;

interface ChatEnds {
  first: string | undefined;
  last: string | undefined;
  /** The last message is one the agent just sent (then the chat follows it even when scrolled up). */
  lastIsOwn: boolean;
}

export interface ChatScroll<E extends HTMLElement> {
  /** The scrolling element. */
  ref: RefObject<E | null>;
  /** Messages arrived below while the agent was reading older ones. */
  hasNewBelow: boolean;
  /** Scrolls to the newest message and follows new ones again; the focus goes to the chat (the pill disappears). */
  toBottom: () => void;
}

function isNearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
}

/**
 * Keeps the chat on its newest message: it opens at the bottom and stays pinned there while messages arrive (and
 * media above them finish loading), unless the agent scrolled up to read: then it stays put and says that newer
 * messages came. The agent's own reply always brings the chat down. Older messages loaded above keep what was on
 * screen in place.
 */
export function useChatScroll<E extends HTMLElement>({ first, last, lastIsOwn }: ChatEnds): ChatScroll<E> {
  const ref = useRef<E>(null);
  const seen = useRef<{ element: E | null; first?: string; last?: string; height: number }>({
    element: null,
    height: 0,
  });
  const pinned = useRef(true);
  // The newest message when the agent scrolled away from the bottom (null while pinned).
  const [leftAt, setLeftAt] = useState<{ last: string | undefined } | null>(null);

  const toBottom = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    element.focus();
    seen.current.height = element.scrollHeight;
    pinned.current = true;
    setLeftAt(null);
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const before = seen.current;
    // A new element (the chat mounts once its first page has loaded) starts at its newest message.
    const opening = before.element !== element;
    if (opening || (last !== before.last && (pinned.current || lastIsOwn))) {
      element.scrollTop = element.scrollHeight;
      pinned.current = true;
    } else if (first !== before.first && last === before.last && before.height > 0) {
      element.scrollTop += element.scrollHeight - before.height;
    }
    seen.current = { element, first, last, height: element.scrollHeight };

    const onScroll = () => {
      seen.current.height = element.scrollHeight;
      const atBottom = isNearBottom(element);
      pinned.current = atBottom;
      setLeftAt((left) => (atBottom ? null : (left ?? { last: seen.current.last })));
    };
    // Images and videos get their height when they load: a pinned chat follows them down.
    const onContentGrown = () => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
      seen.current.height = element.scrollHeight;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('load', onContentGrown, true);
    element.addEventListener('loadedmetadata', onContentGrown, true);
    // Anything else that grows the messages after they render (a media placeholder replaced, fonts) does too.
    const content = element.firstElementChild;
    const resizes = typeof ResizeObserver === 'undefined' || !content ? undefined : new ResizeObserver(onContentGrown);
    if (content) resizes?.observe(content);
    return () => {
      resizes?.disconnect();
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('load', onContentGrown, true);
      element.removeEventListener('loadedmetadata', onContentGrown, true);
    };
  }, [first, last, lastIsOwn]);

  return { ref, hasNewBelow: leftAt !== null && last !== undefined && last !== leftAt.last, toBottom };
}
