/**
 * Props of `<OpencodeDevtools />`.
 * @example const props: OpencodeDevtoolsProps = { initialOpen: true, maxEvents: 100 };
 */
export interface OpencodeDevtoolsProps {
  /** Start with the panel open (default false: only the toggle button shows). */
  initialOpen?: boolean;
  /** How many of the feed's latest events to keep (default 50). */
  maxEvents?: number;
  /** Corner of the toggle button and panel (default "bottom-right"). */
  position?: "bottom-right" | "bottom-left";
}
