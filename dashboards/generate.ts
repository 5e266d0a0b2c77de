/**
 * `npm run dashboards [-- --database <name>]`: writes the Grafana dashboards as JSON under
 * dashboards/grafana/ and the provisioning files docker-compose mounts under
 * dashboards/provisioning/. Output is deterministic: running it twice changes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDashboards } from './build.js';
import { dashboardProviderYaml, datasourceYaml } from './provisioning.js';

export const DASHBOARDS_DIR = path.dirname(fileURLToPath(import.meta.url));

export function writeDashboards(outDir: string, database = 'bonitor'): string[] {
  const written: string[] = [];
  const write = (rel: string, text: string) => {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(rel);
  };
  for (const [uid, dashboard] of Object.entries(buildDashboards(database))) write(`grafana/${uid}.json`, `${JSON.stringify(dashboard, null, 2)}\n`);
  write('provisioning/datasources/bonitor-clickhouse.yaml', datasourceYaml(database));
  write('provisioning/dashboards/bonitor.yaml', dashboardProviderYaml());
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { database: { type: 'string', default: 'bonitor' }, out: { type: 'string', default: DASHBOARDS_DIR } } });
  for (const f of writeDashboards(values.out!, values.database)) process.stdout.write(`wrote dashboards/${f}\n`);
}
