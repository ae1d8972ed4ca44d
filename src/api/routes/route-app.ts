import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** The Fastify instance as routes see it: zod schemas give validation, types and OpenAPI at once. */
export const asZodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
export type ZodApp = ReturnType<typeof asZodApp>;
export type RouteModule = (app: ZodApp, deps: Deps) => void;
