import { z } from 'zod';
import type { RouteRegistry, RouteSpec } from './route.js';

type Json = Record<string, unknown>;

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'stable code: bad_request, unauthorized, forbidden, not_found, payload_too_large, internal_error, …' },
    message: { type: 'string' },
    problems: { type: 'array', items: { type: 'string' } },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input',
  401: 'missing or unknown bearer token',
  403: 'the token may read but not change',
  404: 'nothing matches',
  413: 'request body too large',
  501: 'not enabled in this process',
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const s = toSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
    schema: prop,
  }));
}

function operationOf(route: RouteSpec, secured: boolean): Json {
  const responses: Json = {
    200: route.produces
      ? { description: 'ok', content: { [route.produces]: { schema: { type: 'string' } } } }
      : { description: 'ok', content: { 'application/json': { schema: route.response ? toSchema(route.response, 'output') : {} } } },
  };
  const statuses = new Set([...(route.query || route.body || route.params ? [400] : []), ...(route.errors ?? [])]);
  if (secured && (route.access === 'read' || route.access === 'admin')) {
    statuses.add(401);
    if (route.access === 'admin') statuses.add(403);
  }
  for (const status of [...statuses].sort()) {
    responses[status] = { description: DESCRIPTIONS[status] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'read' || route.access === 'admin' ? { security: [{ bearer: [] }], 'x-bonitor-role': route.access } : {}),
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
    responses,
  };
}

/** OpenAPI 3.1 for the JSON API, generated from the same zod schemas that validate requests. */
export function buildOpenApi(registry: RouteRegistry, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of registry.routes) {
    if (route.access === 'web') continue;
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operationOf(route, true) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bonitor API',
      version,
      description:
        'Credit-risk checks, customers with their assessments, signals, subscriptions, sources. When a token is configured ' +
        '(BONITOR_API_TOKEN or http.tokens), every /api route needs `Authorization: Bearer <token>`; read tokens may only GET.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
