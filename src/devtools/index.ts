/**
 * opencode-react/devtools: `<OpencodeDevtools />`, a panel showing the event feed, the reply
 * stores and the live cache of the enclosing `<OpencodeProvider>`. Code-split: the panel is a
 * lazy chunk, loaded only when the component renders.
 * @example
 * import { OpencodeDevtools } from "opencode-react/devtools";
 * <OpencodeProvider client={client}><App /><OpencodeDevtools /></OpencodeProvider>
 * @packageDocumentation
 */
export { OpencodeDevtools } from "./opencode-devtools";
export type { OpencodeDevtoolsProps } from "./props";
export type { FeedEventRecord, FeedSnapshot } from "./feed-monitor";
export type { StoreSnapshot } from "./read-stores";
export type { QuerySnapshot } from "./read-queries";
