import type { Stream } from "./stream";

const number = new Intl.NumberFormat("en-US");

/** "$0.0012" with enough digits for the small costs of one turn. */
export function formatCost(cost: number): string {
  return `$${cost.toFixed(cost !== 0 && cost < 0.01 ? 4 : 2)}`;
}

/** "12 in · 5 out" plus reasoning and cache counts when there are any. */
export function formatTokens(tokens: Stream["tokens"]): string {
  const parts = [`${number.format(tokens.input)} in`, `${number.format(tokens.output)} out`];
  if (tokens.reasoning > 0) parts.push(`${number.format(tokens.reasoning)} reasoning`);
  if (tokens.cache.read + tokens.cache.write > 0) parts.push(`${number.format(tokens.cache.read)}/${number.format(tokens.cache.write)} cache r/w`);
  return parts.join(" · ");
}

/** "just now", "5 min ago", "3 h ago", or a date. */
export function formatRelative(epochMs: number, now = Date.now()): string {
  const minutes = Math.round((now - epochMs) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(epochMs).toLocaleDateString();
}
