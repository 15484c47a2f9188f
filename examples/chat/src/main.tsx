import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createOpencodeClient, OpencodeProvider } from "opencode-react";
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
    </OpencodeProvider>
  </StrictMode>,
);
