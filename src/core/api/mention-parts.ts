import type { AgentPartInput, FilePartInput } from "@opencode-ai/sdk/v2";

/**
 * Options of {@link filePart}.
 * @example filePart("src/app.ts", { directory: "/repo", at: 7 } satisfies FilePartOptions)
 */
export interface FilePartOptions {
  /** Project directory a relative path is resolved against; without it the client resolves it (GET /path, once). */
  directory?: string;
  /** MIME type (default: from the extension; "application/x-directory" for a path ending in "/"). */
  mime?: string;
  /** Offset of the "@path" mention in the prompt text (default 0). */
  at?: number;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
};

function mimeOf(path: string): string {
  if (path.endsWith("/")) return "application/x-directory";
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? "text/plain";
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** True for a `file:` URL that holds a relative path (made by filePart without a directory). */
export function isRelativeFileUrl(url: string): boolean {
  return url.startsWith("file:") && !url.startsWith("file:/");
}

/**
 * A file mention part: what a composer sends for "@src/app.ts" (the server reads the file and
 * gives it to the model). An absolute path, or a relative one with `directory`, becomes a
 * `file:///` URL; a relative one without `directory` is resolved by the client when it sends.
 * @example
 * await client.prompt("ses_1", { parts: [{ type: "text", text: "Explain @src/app.ts" }, filePart("src/app.ts", { at: 8 })] });
 */
export function filePart(path: string, options: FilePartOptions = {}): FilePartInput {
  const clean = path.replace(/^@/, "");
  if (clean.trim() === "") throw new TypeError("opencode-react: filePart needs a path");
  const directory = options.directory?.replace(/\/+$/, "");
  const absolute = clean.startsWith("/") ? clean : directory ? `${directory}/${clean.replace(/^\.\//, "")}` : undefined;
  const value = `@${clean}`;
  const start = options.at ?? 0;
  return {
    type: "file",
    mime: options.mime ?? mimeOf(clean),
    url: absolute === undefined ? `file:${encodePath(clean)}` : `file://${encodePath(absolute)}`,
    filename: clean.replace(/\/+$/, "").split("/").pop() ?? clean,
    source: { type: "file", path: absolute ?? clean, text: { value, start, end: start + value.length } },
  };
}

/**
 * An agent mention part ("@plan"): asks the model to hand the prompt to that (sub)agent.
 * @example await client.prompt("ses_1", { parts: [{ type: "text", text: "@explore find the router" }, agentPart("explore")] });
 */
export function agentPart(name: string, options: { at?: number } = {}): AgentPartInput {
  const clean = name.replace(/^@/, "");
  if (clean.trim() === "") throw new TypeError("opencode-react: agentPart needs an agent name");
  const value = `@${clean}`;
  const start = options.at ?? 0;
  return { type: "agent", name: clean, source: { value, start, end: start + value.length } };
}

/**
 * Makes the relative `file:` URLs of parts absolute against `directory` (the parts are copied, never mutated).
 * @example resolveFileParts([filePart("a.ts")], "/repo")[0].url // "file:///repo/a.ts"
 */
export function resolveFileParts<T extends { type: string }>(parts: T[], directory: string): T[] {
  const root = directory.replace(/\/+$/, "");
  return parts.map((part) => {
    if (part.type !== "file") return part;
    const file = part as unknown as FilePartInput;
    if (!isRelativeFileUrl(file.url)) return part;
    const relative = file.url.slice("file:".length).replace(/^\.\//, "");
    const source = file.source?.type === "file" ? { ...file.source, path: `${root}/${decodeURIComponent(relative)}` } : file.source;
    return { ...part, url: `file://${encodePath(root)}/${relative}`, ...(source === undefined ? {} : { source }) };
  });
}
