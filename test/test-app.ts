import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteEntry } from '../src/api/build-app';
import { createTestDeps, type TestDeps } from './test-deps';

/** A test file's app: fresh database, controllable clock, the real Fastify app driven through app.inject. */
export const createTestApp = async (
  env: Record<string, string> = {},
): Promise<{
  deps: TestDeps;
  app: FastifyInstance;
  routes: readonly RouteEntry[];
  close: () => Promise<void>;
}> => {
  const deps = await createTestDeps(env);
  const { app, routes } = await buildApp(deps);
  return {
    deps,
    app,
    routes,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
};
