import { useRef } from "react";

const BLOCK = 50;

/**
 * The ids cut in blocks of 50, each block the previous render's array while its ids are the same:
 * with one memoised component per block, a new message re-renders the last block, not every row
 * (React walks a parent's children one by one on each of its commits).
 */
export function useIdBlocks(ids: readonly string[]): readonly (readonly string[])[] {
  const previous = useRef<readonly (readonly string[])[]>([]);
  const blocks: (readonly string[])[] = [];
  for (let start = 0, n = 0; start < ids.length; start += BLOCK, n += 1) {
    const next = ids.slice(start, start + BLOCK);
    const old = previous.current[n];
    blocks.push(old !== undefined && old.length === next.length && old.every((id, i) => id === next[i]) ? old : next);
  }
  previous.current = blocks;
  return blocks;
}
