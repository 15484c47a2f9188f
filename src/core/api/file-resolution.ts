import type { Path } from "@opencode-ai/sdk/v2";
import type { Requester } from "../http/request";
import { isRelativeFileUrl, resolveFileParts } from "./mention-parts";
import type { CallOptions } from "./types";

/**
 * Resolves the relative file mentions of a prompt (`filePart("src/app.ts")`) against the
 * instance's directory, asked once per client with `GET /path` and only when a prompt has one.
 * @example const withFiles = createFileResolver(requester); await withFiles({ parts: [filePart("a.ts")] })
 */
export function createFileResolver(requester: Requester): <T extends { parts?: { type: string }[] }>(input: T, options?: CallOptions) => Promise<T> {
  let directory: Promise<string> | undefined;
  return async (input, options = {}) => {
    const parts = input.parts;
    const relative = parts?.some((part) => part.type === "file" && "url" in part && typeof part.url === "string" && isRelativeFileUrl(part.url));
    if (!parts || !relative) return input;
    directory ??= requester.request<Path>("GET", "/path", { signal: options.signal }).then((path) => path.directory);
    // A failed lookup is not cached: the next prompt asks again.
    directory.catch(() => (directory = undefined));
    return { ...input, parts: resolveFileParts(parts, await directory) };
  };
}
