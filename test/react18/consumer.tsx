/**
 * Type-checked against @types/react 18 (tsconfig.react18.json): a consumer app's usage of the
 * components and hooks. `<OpencodeProvider>` returning `ReactNode` was TS2786 on React 18 types.
 */
import { version } from "react";
import { createOpencodeClient, OpencodeProvider, useSessions, useStream } from "../../src";

/** React 18 types say `version` is a string: a compile-time probe that these ARE the 18 types. */
export const reactVersion: string = version;

function Chat({ sessionId }: { sessionId: string }) {
  const { text, send } = useStream(sessionId);
  const { data = [] } = useSessions();
  return (
    <button type="button" onClick={() => void send("hello")}>
      {text} {data.length}
    </button>
  );
}

const client = createOpencodeClient();

/** The app a user writes. */
export function App() {
  return (
    <OpencodeProvider client={client}>
      <Chat sessionId="ses_1" />
    </OpencodeProvider>
  );
}
