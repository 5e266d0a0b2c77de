import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from './errors.js';

/**
 * Who may call a route: anyone; a web session (cookie) when auth is on; a read or admin bearer
 * token when auth is on. Without configured tokens every route is open.
 */
export type Access = 'public' | 'web' | 'read' | 'admin';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** The 200 answer, for the OpenAPI description. */
  response?: z.ZodType;
  /** Non-JSON answers (Prometheus text, HTML). */
  produces?: string;
  /** Statuses besides 200 this route answers with (4xx documented with the error shape). */
  errors?: number[];
}

export interface RouteInput<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** The routes as registered, for /api/openapi.json. */
export class RouteRegistry {
  readonly routes: RouteSpec[] = [];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`);
  throw new HttpError(400, `invalid ${where}: ${problems.join('; ')}`, problems);
}

/** Registers a route whose query, params and body are parsed by zod before the handler runs. */
export function defineRoute<Q = undefined, P = undefined, B = undefined>(
  server: FastifyInstance,
  registry: RouteRegistry,
  spec: RouteSpec & { query?: z.ZodType<Q>; params?: z.ZodType<P>; body?: z.ZodType<B> },
  handler: (input: RouteInput<Q, P, B>) => Promise<unknown>,
): void {
  registry.routes.push(spec);
  server.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access },
    handler: async (req, reply) => {
      const input: RouteInput<Q, P, B> = {
        params: parseWith(spec.params, req.params, 'params'),
        query: parseWith(spec.query, req.query, 'query'),
        body: parseWith(spec.body, req.body, 'body'),
        req,
        reply,
      };
      return handler(input);
    },
  });
}

/** Query strings carry text; these read numbers and flags from them with clear messages. */
export const queryInt = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
