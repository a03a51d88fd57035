import type { TestProject } from "vitest/node";
import { startTestServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server for the whole e2e run: starting wrangler dev and seeding takes most of a minute. */
export default async function setup(project: TestProject) {
  const server = await startTestServer(Number(process.env.E2E_PORT ?? 8799));
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
