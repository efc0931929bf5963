import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    browserWsEndpoint: string;
  }
}

// One Chromium per run (decision 040): each e2e file connects to it (`launchBrowser()`) and works in contexts of
// its own, so files stay isolated without paying a browser start each.
export default async function setup(project: TestProject) {
  const server = await launchBrowserServer();
  project.provide("browserWsEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
