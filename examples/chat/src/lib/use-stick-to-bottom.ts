import { useCallback, useEffect, useRef } from "react";

/** How close to the bottom (px) still counts as "reading the latest". */
const SLACK = 64;

/**
 * Keeps a scroll container pinned to the bottom while its content grows (streaming text), but
 * only if the reader was already at the bottom: someone scrolled up to read history is left alone.
 */
export function useStickToBottom<S extends HTMLElement, C extends HTMLElement>() {
  const scrollRef = useRef<S>(null);
  const contentRef = useRef<C>(null);
  const pinned = useRef(true);
  // Distance from the bottom to restore after content is added ABOVE (older history).
  const held = useRef<number | null>(null);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (scroller === null || content === null) return;
    const onScroll = () => {
      pinned.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < SLACK;
    };
    // A ResizeObserver sees every growth (a delta, a tool card opening), not just new messages.
    const observer = new ResizeObserver(() => {
      if (held.current !== null) {
        scroller.scrollTop = scroller.scrollHeight - held.current;
        held.current = null;
      } else if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(content);
    scroller.scrollTop = scroller.scrollHeight;
    return () => {
      scroller.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, []);

  /** Pins again, e.g. after the user sends a message. */
  const scrollToBottom = useCallback(() => {
    pinned.current = true;
    const scroller = scrollRef.current;
    if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
  }, []);

  /** Keeps what is on screen in place through the next growth, e.g. older messages loading above. */
  const holdPosition = useCallback(() => {
    const scroller = scrollRef.current;
    if (scroller !== null) held.current = scroller.scrollHeight - scroller.scrollTop;
  }, []);

  return { scrollRef, contentRef, scrollToBottom, holdPosition };
}
