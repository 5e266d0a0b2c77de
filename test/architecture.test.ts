import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of STYLE.md, checked on the production code: the four stage rooms talk only
 * through platform/, platform/ imports no stage, app/ is the only composition root, no import
 * circle, only platform/config reads the environment, no console.log outside the CLI.
 */
const root = path.resolve(import.meta.dirname, '..');
const STAGES = ['collectors', 'analysis', 'alerts', 'dashboards'] as const;
const ROOMS = [...STAGES, 'platform', 'app'] as const;
type Room = (typeof ROOMS)[number];

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const files = ROOMS.flatMap((r) => tsFiles(r));
const source = new Map(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
const roomOf = (file: string): Room => file.split(path.sep)[0] as Room;

/** Relative imports and re-exports of a file, resolved to repository paths (type-only ones included). */
function importsOf(file: string): string[] {
  const text = source.get(file)!;
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  specs.push(...[...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return specs.map((s) => path.normalize(path.join(path.dirname(file), s)).replace(/\.js$/, '.ts'));
}
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => source.has(t))]));

describe('import rules (STYLE.md)', () => {
  it('reads every production file it should', () => {
    expect(files.length).toBeGreaterThan(150);
    for (const room of ROOMS) expect(files.some((f) => roomOf(f) === room), room).toBe(true);
    // The parser sees the imports (a regex that matched nothing would pass every rule below).
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
    expect(graph.get(path.join('app', 'roles', 'pipeline.roles.ts'))).toContain(path.join('analysis', 'analyzer.consumer.ts'));
  });

  it('stages never import another stage or app/; platform/ imports no stage and not app/', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = roomOf(file);
      for (const t of targets) {
        const to = roomOf(t);
        const allowed = from === 'app' || to === 'platform' || to === from;
        if (!allowed) wrong.push(`${file} → ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circle', () => {
    // Tarjan's strongly connected components: a component of more than one file is a circle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(scc.sort());
      }
    };
    for (const f of files) if (!idx.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('only platform/config reads process.env', () => {
    const readers = files.filter((f) => /process\.env\b/.test(source.get(f)!.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(readers.filter((f) => !f.startsWith(path.join('platform', 'config')))).toEqual([]);
  });

  it('no console.log outside the CLI', () => {
    const writers = files.filter((f) => /console\.log\(/.test(source.get(f)!));
    expect(writers.filter((f) => !f.startsWith(path.join('app', 'cli')))).toEqual([]);
  });
});
