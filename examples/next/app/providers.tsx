"use client";
/** The browser's client (baseUrl = this app's proxy, no password) and QueryClient, created once. */
import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { createOpencodeClient, OpencodeProvider } from "opencode-react";

function proxyUrl(): string {
  // During the server render of this client component there is no window; the client it makes
  // then is never used for requests (hooks only fetch in effects).
  return typeof window === "undefined" ? "http://localhost/api/opencode" : new URL("/api/opencode", window.location.origin).href;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => createOpencodeClient({ baseUrl: proxyUrl() }));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  return (
    <OpencodeProvider client={client} queryClient={queryClient}>
      {children}
    </OpencodeProvider>
  );
}
