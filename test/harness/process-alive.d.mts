/** True while `pid` runs (a zombie does not count). */
export function isProcessAlive(pid: number): boolean;
