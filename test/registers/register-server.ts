import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type LocalServer } from '../collectors/local-server.js';

export const REGISTER_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/registers');
export const registerFixture = (name: string) => readFileSync(path.join(REGISTER_FIXTURES, name), 'utf8');

export interface Route {
  status?: number;
  body?: string;
  type?: string;
  /** Never answer (a register that hangs). */
  hang?: boolean;
  /** Only answer when this Authorization header is sent. */
  auth?: string;
}

/**
 * A local stand-in for the registers: exact path (with query) or path prefix → a real captured
 * answer. Unknown paths answer 404, as the registers do for unknown companies.
 */
export async function startRegisterServer(routes: Record<string, Route | ((body: string) => Route)>): Promise<LocalServer & { bodies: string[] }> {
  const bodies: string[] = [];
  const server = await startServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      const url = req.url ?? '/';
      const key = Object.keys(routes).find((k) => url === k) ?? Object.keys(routes).find((k) => k.endsWith('*') && url.startsWith(k.slice(0, -1)));
      const found = key === undefined ? undefined : routes[key];
      const route = typeof found === 'function' ? found(body) : found;
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"error":"company-profile-not-found"}]}');
        return;
      }
      if (route.hang) return;
      if (route.auth && req.headers.authorization !== route.auth) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid Authorization"}');
        return;
      }
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/json' }).end(route.body ?? '');
    });
  });
  return Object.assign(server, { bodies });
}
