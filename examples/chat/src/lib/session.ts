import type { OpencodeClient } from "opencode-react";

/** A session as the server returns it (derived from the client, so the demo needs no SDK import). */
export type Session = Awaited<ReturnType<OpencodeClient["sessions"]["get"]>>;
