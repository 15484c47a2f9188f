/** Where the harness installs server versions, and which one it starts (no install happens here). */
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_OPENCODE_VERSION, ensureOpencodeBinary, opencodeCacheDir, opencodePrefix, opencodeVersion } from "./ensure-opencode.mjs";

afterEach(() => vi.unstubAllEnvs());

describe("ensure-opencode", () => {
  it("OPENCODE_VERSION picks the server version; unset means the pinned one; junk is refused", () => {
    vi.stubEnv("OPENCODE_VERSION", "");
    expect(opencodeVersion()).toBe(DEFAULT_OPENCODE_VERSION);
    vi.stubEnv("OPENCODE_VERSION", "1.2.27");
    expect(opencodeVersion()).toBe("1.2.27");
    vi.stubEnv("OPENCODE_VERSION", "latest; rm -rf /");
    expect(() => opencodeVersion()).toThrow(/x\.y\.z/);
    expect(() => ensureOpencodeBinary("1.2")).toThrow(/not a version/);
  });

  it("installs outside the clone: XDG_CACHE_HOME/opencode-react, or OPENCODE_CACHE_DIR, one folder per version", () => {
    vi.stubEnv("OPENCODE_CACHE_DIR", "");
    vi.stubEnv("XDG_CACHE_HOME", "/var/cache/ci");
    expect(opencodeCacheDir()).toBe(path.join("/var/cache/ci", "opencode-react"));
    expect(opencodePrefix("9.9.9")).toBe(path.join("/var/cache/ci", "opencode-react", "opencode-ai-9.9.9"));
    vi.stubEnv("OPENCODE_CACHE_DIR", "/opt/oc");
    expect(opencodePrefix("9.9.9")).toBe(path.join("/opt/oc", "opencode-ai-9.9.9"));
  });
});
