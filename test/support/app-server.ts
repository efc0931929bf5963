import type { AddressInfo } from "node:net";
import path from "node:path";
import { ROOT } from "./paths";

/** The real Express + Remix server from server.mjs, on a free port, in this test worker. */
export async function startAppServer() {
  const { createApp } = await import(path.join(ROOT, "server.mjs"));
  const build = await import(path.join(ROOT, "build", "index.js"));
  const app = await createApp({ build });
  const server = app.listen(0, "127.0.0.1");
  // Never close an idle keep-alive socket from the server side: fetch may pick that socket for its next request
  // just as the server's 5 s timer closes it, and the request fails with ECONNRESET. On the loaded two-core machine
  // that race failed a test whenever a test spent about 5 s between two requests (decision 040). The client
  // (undici) closes idle sockets on its own timer; `close()` below closes the rest.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    client: (cookie?: string) => new HttpClient(baseUrl, cookie),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A cookie-keeping client that sends what a same-origin browser form would (Origin header, form encoding). */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    public cookie?: string,
  ) {}

  private remember(response: Response) {
    const setCookie = response.headers.get("set-cookie");
    if (!setCookie) return;
    const pair = setCookie.split(";")[0]!;
    this.cookie = pair.endsWith("=") ? undefined : pair;
  }

  async get(pathname: string, headers: Record<string, string> = {}) {
    const response = await fetch(this.baseUrl + pathname, {
      redirect: "manual",
      headers: { ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers },
    });
    this.remember(response);
    return response;
  }

  async post(pathname: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await fetch(this.baseUrl + pathname, {
      method: "POST",
      redirect: "manual",
      body,
      headers: {
        Origin: this.baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
    });
    this.remember(response);
    return response;
  }
}
