/**
 * opencode-react: React hooks for the OpenCode agent server. Re-exports the framework-free core
 * (also available alone as `opencode-react/core`).
 * @packageDocumentation
 */
export * from "./core";
export * from "./react";
