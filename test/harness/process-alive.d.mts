/** True while `pid` runs (a zombie does not count). */
export function isProcessAlive(pid: number): boolean;
/** True while any live (not zombie) process is left in process group `pgid`. */
export function isGroupAlive(pgid: number): boolean;
/** Sends `signal` to process group `pgid` (the process itself if it leads no group); never throws. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void;
