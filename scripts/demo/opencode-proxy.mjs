// The demo's same-origin bridge to OpenCode: Vite proxies /opencode/* to the server and adds the
// Authorization header on the way, so the browser never holds the password.

/** Paths the proxy owns: /opencode, /opencode/..., /opencode?... (not /opencodefoo). */
export const PROXY_PATH = /^\/opencode(?=\/|\?|$)/;

/**
 * Vite `server.proxy` entry for an OpenCode server.
 * @param {{ target: string, authorization?: string }} options target may carry a path prefix
 * @returns {Record<string, import("vite").ProxyOptions>}
 */
export function opencodeProxy({ target, authorization }) {
  return {
    [PROXY_PATH.source]: {
      target,
      changeOrigin: true,
      rewrite: (path) => {
        const rest = path.replace(PROXY_PATH, "");
        return rest.startsWith("/") ? rest : `/${rest}`;
      },
      // Set server-side, and overriding anything the browser sends.
      headers: authorization ? { authorization } : {},
      // No proxy-side timeouts: /event is a stream that lives as long as the page.
      timeout: 0,
      proxyTimeout: 0,
      configure(proxy) {
        proxy.on("proxyReq", (proxyReq) => {
          // The OpenCode server has no use for the demo origin's cookies.
          proxyReq.removeHeader("cookie");
        });
        proxy.on("proxyRes", (proxyRes, _req, res) => {
          // A 401 with WWW-Authenticate makes the browser pop a login dialog; the app shows a
          // readable error instead.
          delete proxyRes.headers["www-authenticate"];
          if (String(proxyRes.headers["content-type"] ?? "").startsWith("text/event-stream")) {
            // Forward each event as it comes: no transform, no buffering by anything in between.
            proxyRes.headers["cache-control"] = "no-cache, no-transform";
            proxyRes.headers["x-accel-buffering"] = "no";
            delete proxyRes.headers["content-length"];
            res.socket?.setNoDelay(true);
            // The server's side of the stream dying must end the page's side too: left open, the
            // page would sit on a silent stream until its liveness timeout (25 s) noticed.
            proxyRes.once("close", () => {
              if (!res.writableEnded) res.destroy();
            });
          }
        });
      },
    },
  };
}

/**
 * Refuses cross-site requests to the proxy. It adds credentials, so without this any web page
 * open in the same browser could drive the agent through it (a confused deputy).
 * @returns {import("vite").Plugin}
 */
export function sameOriginGuard() {
  return {
    name: "opencode-demo:same-origin-guard",
    configureServer(server) {
      // Registered here, plugin middlewares run before Vite's proxy.
      server.middlewares.use((req, res, next) => {
        if (!PROXY_PATH.test(req.url ?? "")) return next();
        const site = req.headers["sec-fetch-site"];
        const origin = req.headers.origin;
        const crossSite = (site !== undefined && site !== "same-origin" && site !== "none") || (origin !== undefined && safeHost(origin) !== req.headers.host);
        if (!crossSite) return next();
        res.statusCode = 403;
        res.setHeader("content-type", "text/plain");
        res.end("cross-site request to the OpenCode proxy refused");
      });
    },
  };
}

function safeHost(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
