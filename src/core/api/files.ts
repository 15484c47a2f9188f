import type { File, FileContent, FileNode, FindTextResponse, Symbol as LspSymbol } from "@opencode-ai/sdk/v2";
import type { Requester } from "../http/request";
import { listOf } from "./list-of";
import type { CallOptions } from "./types";

/**
 * Options of `files.find` (`GET /find/file`).
 * @example const found = await client.files.find("app", { type: "file", limit: 10 });
 */
export interface FindFilesOptions {
  /** Include directories (server default: true). */
  dirs?: boolean;
  /** Only files or only directories. */
  type?: "file" | "directory";
  /** At most this many paths. */
  limit?: number;
}

/**
 * One ripgrep match of `files.findText` (`GET /find`).
 * @example const [first]: TextMatch[] = await client.files.findText("TODO"); first?.path.text
 */
export type TextMatch = FindTextResponse[number];

/** The file endpoints: fuzzy path search (for @-mentions), text and symbol search, listing, reading, git status. */
export interface FilesApi {
  /**
   * `GET /find/file?query=`: project paths matching `query` fuzzily, relative to the directory
   * (directories end in "/"). The route of @-mention autocomplete.
   * @example await client.files.find("app.t") // ["src/app.ts"]
   */
  find(query: string, filters?: FindFilesOptions, options?: CallOptions): Promise<string[]>;
  /** `GET /find?pattern=` (ripgrep). @example await client.files.findText("useChat") */
  findText(pattern: string, options?: CallOptions): Promise<TextMatch[]>;
  /** `GET /find/symbol?query=` (LSP workspace symbols; `[]` without a language server). @example await client.files.findSymbols("createClient") */
  findSymbols(query: string, options?: CallOptions): Promise<LspSymbol[]>;
  /** `GET /file?path=`: the entries of one folder ("." or "" for the root). @example await client.files.list("src") */
  list(path: string, options?: CallOptions): Promise<FileNode[]>;
  /** `GET /file/content?path=`: text, or base64 for binaries (`encoding: "base64"`). @example (await client.files.content("README.md")).content */
  content(path: string, options?: CallOptions): Promise<FileContent>;
  /** `GET /file/status`: files changed in the working tree (git), with added/removed line counts. @example await client.files.status() */
  status(options?: CallOptions): Promise<File[]>;
}

/**
 * Creates the file endpoints on top of a requester.
 * @example const files = createFilesApi(requester); await files.find("readme")
 */
export function createFilesApi(requester: Requester): FilesApi {
  const get = async <T>(path: string, query: Record<string, string | number | undefined>, options: CallOptions): Promise<T[]> =>
    listOf<T>(await requester.request<unknown>("GET", path, { ...options, query }));
  return {
    find: async (query, filters = {}, options = {}) =>
      get<string>("/find/file", { query, dirs: filters.dirs === undefined ? undefined : String(filters.dirs), type: filters.type, limit: filters.limit }, options),
    findText: async (pattern, options = {}) => get<TextMatch>("/find", { pattern }, options),
    findSymbols: async (query, options = {}) => get<LspSymbol>("/find/symbol", { query }, options),
    list: async (path, options = {}) => get<FileNode>("/file", { path }, options),
    content: async (path, options = {}) => requester.request<FileContent>("GET", "/file/content", { ...options, query: { path } }),
    status: async (options = {}) => listOf<File>(await requester.request<unknown>("GET", "/file/status", options)),
  };
}
