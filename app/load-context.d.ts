import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
    /** This response's Content-Security-Policy nonce (server.mjs). */
    cspNonce?: string;
  }
}
