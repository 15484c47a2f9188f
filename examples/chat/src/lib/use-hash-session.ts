import { useCallback, useSyncExternalStore } from "react";

const PREFIX = "#/session/";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function read(): string | undefined {
  return location.hash.startsWith(PREFIX) ? decodeURIComponent(location.hash.slice(PREFIX.length)) || undefined : undefined;
}

/** The selected session lives in the URL hash, so a reload (or a shared link) keeps it. */
export function useHashSession(): [string | undefined, (sessionId: string | undefined) => void] {
  const sessionId = useSyncExternalStore(subscribe, read);
  const select = useCallback((id: string | undefined) => {
    location.hash = id === undefined ? "" : `${PREFIX}${encodeURIComponent(id)}`;
  }, []);
  return [sessionId, select];
}
