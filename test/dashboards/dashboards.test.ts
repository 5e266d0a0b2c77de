import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dashboard, Panel } from '@grafana/schema';
import { createClient } from '@clickhouse/client';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboards, DATASOURCE } from '../../dashboards/build.js';
import { DASHBOARDS_DIR } from '../../dashboards/generate.js';
import { DASHBOARD_DIR } from '../../dashboards/provisioning.js';
import { openDemoApp, type DemoApp } from '../http/support/demo-app.js';
import { uniqueName } from '../helpers.js';
import { expandSql } from './sql-macros.js';

const PANEL_TYPES = new Set(['timeseries', 'table', 'stat', 'barchart', 'piechart', 'bargauge', 'text', 'row']);
const generated = buildDashboards();
const onDisk = (uid: string): Dashboard => JSON.parse(readFileSync(path.join(DASHBOARDS_DIR, 'grafana', `${uid}.json`), 'utf8')) as Dashboard;

/** Rules from Grafana's dashboard model (@grafana/schema's Dashboard, Panel, VariableModel). */
function problemsOf(d: Dashboard): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(d.schemaVersion) || d.schemaVersion < 36) problems.push(`schemaVersion ${d.schemaVersion} is older than the panel/gridPos model`);
  if (!d.uid || d.uid.length > 40 || !/^[a-zA-Z0-9_-]+$/.test(d.uid)) problems.push(`uid "${d.uid}" is not a valid dashboard uid`);
  if (!d.title) problems.push('no title');
  const vars = new Set((d.templating?.list ?? []).map((v) => v.name));
  for (const v of d.templating?.list ?? []) {
    if (!/^\w+$/.test(v.name)) problems.push(`variable name "${v.name}"`);
    if (!['custom', 'query', 'constant', 'interval', 'textbox', 'datasource', 'adhoc'].includes(String(v.type))) problems.push(`variable ${v.name} has type ${v.type}`);
    if (v.type === 'query' && v.datasource?.uid !== DATASOURCE.uid) problems.push(`variable ${v.name} uses another datasource`);
  }
  const ids = new Set<number>();
  const cells = new Set<string>();
  for (const p of (d.panels ?? []) as Panel[]) {
    const where = `panel "${p.title}"`;
    if (!PANEL_TYPES.has(p.type)) problems.push(`${where}: unknown type ${p.type}`);
    if (p.id === undefined || ids.has(p.id)) problems.push(`${where}: id ${p.id} missing or repeated`);
    ids.add(p.id!);
    const g = p.gridPos;
    if (!g || g.w < 1 || g.h < 1 || g.x < 0 || g.x + g.w > 24 || g.y < 0) problems.push(`${where}: gridPos ${JSON.stringify(g)} outside the 24-column grid`);
    else for (let x = g.x; x < g.x + g.w; x++) for (let y = g.y; y < g.y + g.h; y++) {
      if (cells.has(`${x},${y}`)) problems.push(`${where}: overlaps another panel at ${x},${y}`);
      cells.add(`${x},${y}`);
    }
    if (p.datasource?.uid !== DATASOURCE.uid || p.datasource?.type !== DATASOURCE.type) problems.push(`${where}: datasource is not the provisioned ClickHouse`);
    if (!p.fieldConfig || !Array.isArray(p.fieldConfig.overrides)) problems.push(`${where}: fieldConfig needs defaults and overrides`);
    const refIds = new Set<string>();
    for (const t of p.targets ?? []) {
      const refId = String(t.refId ?? '');
      if (!refId || refIds.has(refId)) problems.push(`${where}: target refId "${refId}" missing or repeated`);
      refIds.add(refId);
      if (typeof t.rawSql !== 'string' || !/^\s*(WITH|SELECT)\b/i.test(t.rawSql)) problems.push(`${where}: target is not a SQL SELECT`);
      if (t.editorType !== 'sql') problems.push(`${where}: editorType must be sql for raw SQL`);
      for (const m of String(t.rawSql).matchAll(/\$\{(\w+)(?::\w+)?\}/g)) if (!vars.has(m[1]!) && !m[1]!.startsWith('__')) problems.push(`${where}: uses undeclared variable ${m[1]}`);
    }
    if ((p.targets ?? []).length === 0) problems.push(`${where}: no query`);
  }
  return problems;
}

describe('Grafana dashboards generated with grafana-dash-gen', () => {
  it('are up to date on disk (npm run dashboards) and deterministic', () => {
    for (const [uid, d] of Object.entries(generated)) expect(onDisk(uid), `${uid}: run npm run dashboards`).toEqual(JSON.parse(JSON.stringify(d)));
    expect(buildDashboards()).toEqual(generated);
  });

  it('follow the Grafana dashboard model', () => {
    for (const d of Object.values(generated)) expect(problemsOf(d)).toEqual([]);
  });

  it('would catch a broken dashboard (the checks are not vacuous)', () => {
    const broken = structuredClone(generated['bonitor-portfolio']) as Dashboard;
    const [first, second] = broken.panels as Panel[];
    second!.gridPos = { ...first!.gridPos! };
    second!.id = first!.id;
    (first!.targets![0] as Record<string, unknown>).rawSql = 'SELECT ${segment:singlequote}';
    first!.datasource = { type: 'prometheus', uid: 'x' };
    const problems = problemsOf(broken).join('\n');
    expect(problems).toMatch(/overlaps/);
    expect(problems).toMatch(/repeated/);
    expect(problems).toMatch(/undeclared variable segment/);
    expect(problems).toMatch(/not the provisioned ClickHouse/);
  });

  it('cover the panels the operators asked for, with grade, industry and time-range filters', () => {
    const titles = Object.values(generated).flatMap((d) => (d.panels as Panel[]).map((p) => p.title));
    for (const t of ['Portfolio risk by grade over time', 'Exposure at risk', 'Top movers', 'Signals by type', 'Signals by industry', 'Alerts sent', 'Source health']) expect(titles).toContain(t);
    const portfolio = generated['bonitor-portfolio'];
    expect(portfolio.templating?.list?.map((v) => v.name)).toEqual(['grade', 'industry']);
    const sql = (portfolio.panels as Panel[]).map((p) => String(p.targets?.[0]?.rawSql));
    expect(sql.filter((s) => s.includes('${grade:singlequote}')).length).toBeGreaterThanOrEqual(4);
    expect(sql.filter((s) => s.includes('${industry:singlequote}')).length).toBeGreaterThanOrEqual(5);
    expect(sql.filter((s) => /\$__(timeFilter|fromTime|toTime)/.test(s)).length).toBeGreaterThanOrEqual(3);
  });

  it('provision the ClickHouse datasource and a file provider that docker-compose can mount', () => {
    const ds = parseYaml(readFileSync(path.join(DASHBOARDS_DIR, 'provisioning/datasources/bonitor-clickhouse.yaml'), 'utf8'));
    expect(ds.apiVersion).toBe(1);
    expect(ds.datasources[0]).toMatchObject({ uid: DATASOURCE.uid, type: DATASOURCE.type, jsonData: { host: 'clickhouse', protocol: 'native', defaultDatabase: 'bonitor' }, secureJsonData: { password: '${CLICKHOUSE_PASSWORD}' } });
    const provider = parseYaml(readFileSync(path.join(DASHBOARDS_DIR, 'provisioning/dashboards/bonitor.yaml'), 'utf8'));
    expect(provider.providers[0]).toMatchObject({ type: 'file', options: { path: DASHBOARD_DIR } });
  });
});

const CLICKHOUSE_URL = process.env.BONITOR_CLICKHOUSE_URL;

describe.skipIf(!CLICKHOUSE_URL)(
  CLICKHOUSE_URL ? 'every panel query runs against ClickHouse with the demo data' : 'every panel query runs against ClickHouse (skipped: set BONITOR_CLICKHOUSE_URL, e.g. scripts/test-clickhouse.sh test/dashboards)',
  () => {
    const database = uniqueName('dash').replace(/-/g, '_');
    let demo: DemoApp;
    const client = createClient({ url: CLICKHOUSE_URL, compression: { request: false, response: false } });
    beforeAll(async () => {
      demo = await openDemoApp({ BONITOR_CLICKHOUSE_URL: CLICKHOUSE_URL! }, { configure: (c) => void (c.clickhouse.database = database), rescoreAfterDays: 30 });
    }, 300_000);
    afterAll(async () => {
      await demo?.close();
      await client.command({ query: `DROP DATABASE IF EXISTS ${database}` }).catch(() => undefined);
      await client.close();
    });

    it('returns rows for every panel, over the grade and industry variables and the last 90 days', async () => {
      const dashboards = buildDashboards(database);
      const run = async (sql: string) => (await client.query({ query: sql, format: 'JSONEachRow' })).json<Record<string, unknown>>();
      const industries = (await run(String(dashboards['bonitor-portfolio'].templating!.list![1]!.query))).map((r) => String(r.industry));
      expect(industries).toContain('25');
      const to = demo.app.clock.now();
      const expansion = { from: new Date(to.getTime() - 90 * 86_400_000), to, intervalSeconds: 86_400, variables: { grade: ['A', 'B', 'C', 'D', 'E'], industry: industries } };
      const results: Record<string, Array<Record<string, unknown>>> = {};
      for (const d of Object.values(dashboards)) {
        for (const p of d.panels as Panel[]) {
          const sql = expandSql(String(p.targets![0]!.rawSql), expansion);
          results[p.title!] = await run(sql).catch((err: Error) => {
            throw new Error(`panel "${p.title}": ${err.message}\n${sql}`);
          });
        }
      }
      const latest = await demo.app.store.latestAssessments();
      const gradeNow = Object.fromEntries(results['Grade distribution now']!.map((r) => [r.grade, Number(r.customers)]));
      expect(gradeNow.E).toBe(latest.filter((a) => a.grade === 'E').length);
      expect(results['Portfolio risk by grade over time']!.length).toBeGreaterThan(0);
      expect(results['Exposure at risk']!.map((r) => r.currency).sort()).toEqual(['CHF', 'EUR', 'GBP']);
      // The open receivables the scorer read (settled with the ledger's meaning), not amount minus paid per row.
      const atRisk: Record<string, number> = {};
      for (const x of latest) if ((x.grade === 'D' || x.grade === 'E') && x.exposure && x.exposure.open > 0) atRisk[x.exposure.currency] = (atRisk[x.exposure.currency] ?? 0) + x.exposure.open;
      for (const r of results['Exposure at risk']!) expect(Number(r.exposure_at_risk)).toBeCloseTo(atRisk[String(r.currency)]!, 1);
      expect(results['Signals by type']!.some((r) => r.type === 'insolvency')).toBe(true);
      expect(results['Signals by industry']!.length).toBeGreaterThan(0);
      expect(results['Source health']!.map((r) => r.source)).toHaveLength(5);
      expect(results['Documents collected by source']!.length).toBeGreaterThan(0);
      expect(results['Top movers']!.length).toBeGreaterThan(0);
      // Narrowing a variable narrows the answer.
      const onlyE = await run(expandSql(String((dashboards['bonitor-portfolio'].panels as Panel[]).find((p) => p.title === 'Grade distribution now')!.targets![0]!.rawSql), { ...expansion, variables: { grade: ['E'], industry: industries } }));
      expect(onlyE.map((r) => r.grade)).toEqual(['E']);
    }, 300_000);
  },
);
