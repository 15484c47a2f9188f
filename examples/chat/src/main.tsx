import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createOpencodeClient, OpencodeProvider } from "opencode-react";
import { OpencodeDevtools } from "opencode-react/devtools";
import { App } from "./components/App";
import "./styles.css";

// Same origin on purpose: the dev server proxies /opencode/* to the OpenCode server and adds the
// Authorization header there, so the password never reaches the browser.
const client = createOpencodeClient({ baseUrl: `${location.origin}/opencode` });

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <OpencodeProvider client={client}>
      <App />
      {/* Its button opens the panel (feed, reply stores, cache); the panel's code is a lazy chunk. */}
      <OpencodeDevtools position="bottom-left" />
    </OpencodeProvider>
  </StrictMode>,
);
