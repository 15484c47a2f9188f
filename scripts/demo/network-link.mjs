// A loopback TCP link the browser test puts between the demo's Vite proxy and the OpenCode
// server, so it can cut the network under the page: `down()` destroys every live connection (the
// page's event stream included) and refuses new ones, as a dropped Wi-Fi would; `up()` lets
// connections through again. Bytes pass untouched.
import net from "node:net";

/**
 * @typedef {object} NetworkLink
 * @property {string} url where to connect instead of the server, e.g. http://127.0.0.1:41234
 * @property {() => number} down drops every live connection and refuses new ones; returns how many were dropped
 * @property {() => void} up accepts connections again
 * @property {() => boolean} isDown true between `down()` and `up()`
 * @property {() => number} refused connections refused while down
 * @property {() => Promise<void>} close stops listening and drops everything; idempotent
 */

/**
 * @param {string} target the server's base URL (http://host:port)
 * @returns {Promise<NetworkLink>}
 * @example
 * const link = await startNetworkLink(server.baseUrl);
 * link.down(); // the page's feed dies; its reconnects are refused
 * link.up();   // the next reconnect goes through
 */
export async function startNetworkLink(target) {
  const { hostname, port } = new URL(target);
  const live = new Set();
  let isDown = false;
  let refused = 0;
  const server = net.createServer((client) => {
    if (isDown) {
      refused += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: hostname, port: Number(port) });
    const pair = { client, upstream };
    live.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const teardown = () => {
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", teardown);
      socket.on("close", teardown);
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("network-link: no TCP address");
  const dropAll = () => {
    const pairs = [...live];
    live.clear();
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    return pairs.length;
  };
  let closing;
  return {
    url: `http://127.0.0.1:${address.port}`,
    down() {
      isDown = true;
      return dropAll();
    },
    up() {
      isDown = false;
    },
    isDown: () => isDown,
    refused: () => refused,
    close: () =>
      (closing ??= new Promise((resolve) => {
        server.close(() => resolve(undefined));
        dropAll();
      })),
  };
}
