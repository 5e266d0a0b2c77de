import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_OVERRIDES } from '../../platform/config/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The roles `bonitor run --role` accepts, read from its source (importing it would start the whole app graph).
const ROLES = JSON.parse(
  /export const ROLES = (\[[^\]]*\])/.exec(readFileSync(path.join(root, 'app/cli/start.command.ts'), 'utf8'))![1]!.replaceAll("'", '"'),
) as string[];

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

function load(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}
const compose = load(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const services = compose.services;
/** The rules the tests above spell out one by one, as one list of problems (used on a broken copy too). */
function findProblems(c: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, s] of Object.entries(c.services)) {
    if (!s.healthcheck?.test?.length) problems.push(`${name} has no healthcheck`);
    if (!s.restart) problems.push(`${name} has no restart policy`);
    for (const k of Object.keys(s.environment ?? {})) {
      if (k.startsWith('BONITOR_') && !(k in ENV_OVERRIDES)) problems.push(`unknown variable ${k}`);
    }
  }
  return [...new Set(problems)];
}
const roleServices = () => Object.entries(services).filter(([, s]) => s.command?.[0] === 'run');

describe('docker-compose.yml', () => {
  it('has the infrastructure services on pinned images', () => {
    expect(services.kafka?.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(services.clickhouse?.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.(3|8)$/); // an LTS line
    expect(services.grafana?.image).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
    expect(services.mailpit?.image).toMatch(/^axllent\/mailpit:v\d+/);
    for (const [name, s] of Object.entries(services)) expect(s.image, name).not.toMatch(/:latest$|^[^:]+$/);
  });

  it('runs Kafka as a single KRaft node without ZooKeeper', () => {
    const env = services.kafka!.environment!;
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(String(env.KAFKA_CONTROLLER_QUORUM_VOTERS)).toMatch(/^1@kafka:\d+$/);
    expect(Object.keys(env).some((k) => k.includes('ZOOKEEPER'))).toBe(false);
    expect(String(env.KAFKA_ADVERTISED_LISTENERS)).toContain('PLAINTEXT://kafka:9092');
  });

  it('runs every Bonitor role as `bonitor run --role <role>` from the one image', () => {
    const roles = roleServices().map(([, s]) => s.command!.slice(1));
    expect(roles.map((r) => r[1]).sort()).toEqual([...ROLES].sort());
    for (const r of roles) expect(r[0]).toBe('--role');
    for (const [name, s] of roleServices()) {
      expect(s.build?.dockerfile, name).toBe('docker/Dockerfile');
      expect(existsSync(path.join(root, s.build!.context, s.build!.dockerfile))).toBe(true);
    }
  });

  it('gives every service a healthcheck and a restart policy', () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.healthcheck?.test?.length, `${name} healthcheck`).toBeGreaterThan(1);
      expect(s.restart, `${name} restart`).toBe('unless-stopped');
    }
  });

  it('starts roles only after the services they need are healthy', () => {
    for (const [name, s] of roleServices()) {
      for (const dep of ['kafka', 'clickhouse', 'mailpit']) expect(s.depends_on?.[dep]?.condition, `${name} → ${dep}`).toBe('service_healthy');
    }
    for (const [name, s] of Object.entries(services)) {
      for (const dep of Object.keys(s.depends_on ?? {})) expect(services[dep]?.healthcheck, `${name} depends on ${dep}`).toBeDefined();
    }
  });

  it('publishes the ports a user opens', () => {
    const published = (name: string) => (services[name]?.ports ?? []).map((p) => p.split(':')[0]);
    expect(published('api')).toContain('8080');
    expect(published('grafana')).toContain('3000');
    expect(published('mailpit')).toContain('8025');
    expect(published('clickhouse')).toContain('8123');
  });

  it('keeps state in named volumes', () => {
    const declared = new Set(Object.keys(compose.volumes));
    for (const [name, s] of Object.entries(services)) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.')) expect(declared.has(source), `${name}: volume ${source}`).toBe(true);
      }
    }
    for (const name of ['kafka', 'clickhouse', 'grafana']) expect(services[name]!.volumes!.length).toBeGreaterThan(0);
  });

  it('points the roles at Kafka, ClickHouse and Mailpit through config variables', () => {
    for (const [name, s] of roleServices()) {
      expect(s.environment?.BONITOR_KAFKA_BROKERS, name).toBe('kafka:9092');
      expect(String(s.environment?.BONITOR_CLICKHOUSE_URL), name).toMatch(/^http:\/\/.*@clickhouse:8123$/);
      expect(s.environment?.BONITOR_SMTP_URL, name).toBe('smtp://mailpit:1025');
    }
    expect(services.api?.environment?.BONITOR_HOST).toBe('0.0.0.0');
  });

  it('sets only BONITOR_* variables that the config schema knows', () => {
    const known = new Set(Object.keys(ENV_OVERRIDES));
    const used = Object.values(services).flatMap((s) => Object.keys(s.environment ?? {})).filter((k) => k.startsWith('BONITOR_'));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('provisions the ClickHouse datasource and the generated dashboards for Grafana', () => {
    expect(services.grafana?.environment?.GF_INSTALL_PLUGINS).toContain('grafana-clickhouse-datasource');
    const mounts = new Map(services.grafana!.volumes!.map((v) => [v.split(':')[1]!, v.split(':')[0]!]));
    const provisioning = path.join(root, mounts.get('/etc/grafana/provisioning')!);
    const datasources = readdirSync(path.join(provisioning, 'datasources')).map(
      (f) => parse(readFileSync(path.join(provisioning, 'datasources', f), 'utf8')) as { datasources: Array<{ type: string; jsonData: { host: string; port: number } }> },
    );
    const ds = datasources.flatMap((d) => d.datasources).find((d) => d.type === 'grafana-clickhouse-datasource');
    expect(ds?.jsonData.host).toBe('clickhouse'); // the compose service name
    const provider = readdirSync(path.join(provisioning, 'dashboards')).map(
      (f) => parse(readFileSync(path.join(provisioning, 'dashboards', f), 'utf8')) as { providers: Array<{ options: { path: string } }> },
    )[0]!.providers[0]!;
    const dashboards = mounts.get(provider.options.path);
    expect(dashboards, 'the provider path is mounted').toBeDefined();
    expect(readdirSync(path.join(root, dashboards!)).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
    expect(services.grafana!.environment!.CLICKHOUSE_PASSWORD).toBeDefined(); // the datasource reads it
  });

  it('finds nothing wrong with the file, and catches a broken copy of it', () => {
    expect(findProblems(compose)).toEqual([]);
    const text = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').replace('BONITOR_LOG_LEVEL:', 'BONITOR_LOGLEVEL:');
    const broken = load(text);
    delete broken.services.mailpit!.healthcheck;
    broken.services.kafka!.restart = undefined;
    expect(findProblems(broken)).toEqual(
      expect.arrayContaining(['unknown variable BONITOR_LOGLEVEL', 'mailpit has no healthcheck', 'kafka has no restart policy']),
    );
  });
});
