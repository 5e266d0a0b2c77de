import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { configSchema, ENV_OVERRIDES, SECRET_PATHS, type AppConfig } from './schema.js';
import { checkSourceLocation } from './source-location.js';
import { findUnknownKeys } from './unknown-keys.js';

export interface ConfigProblem {
  path: string;
  message: string;
}

/** Wrong configuration: every problem listed, secrets redacted; the CLI exits with code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /** Path from --config; falls back to BONITOR_CONFIG. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface LoadedConfig {
  config: AppConfig;
  /** The config file read, if any. */
  file?: string;
}

/** The only place that reads the environment. */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.configPath ?? nonEmpty(env.BONITOR_CONFIG);
  const problems: ConfigProblem[] = [];

  let raw: Record<string, unknown> = {};
  let baseDir = cwd;
  if (file) {
    const abs = path.resolve(cwd, file);
    baseDir = path.dirname(abs);
    if (!existsSync(abs)) {
      throw new ConfigError([{ path: '(file)', message: `config file not found: ${abs}` }]);
    }
    try {
      // yaml is loaded only when there is a file to read: zero configuration starts without it.
      const { parse: parseYaml } = createRequire(import.meta.url)('yaml') as typeof Yaml;
      const parsed: unknown = parseYaml(readFileSync(abs, 'utf8')) ?? {};
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError([{ path: '(file)', message: 'the config file must be a YAML mapping' }]);
      }
      raw = parsed as Record<string, unknown>;
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError([{ path: '(file)', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` }]);
    }
  }

  applyEnvOverrides(raw, env, problems);
  for (const unknown of findUnknownKeys(configSchema, raw)) {
    const hint = unknown.suggestion ? ` (did you mean "${unknown.suggestion}"?)` : unknown.validKeys ? ` (valid here: ${unknown.validKeys.join(', ')})` : '';
    problems.push({ path: unknown.path, message: `unknown key${hint}` });
  }
  const locations = checkSourceLocations(raw, baseDir, problems);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const secrets = collectSecrets(raw);
    for (const issue of result.error.issues) {
      const p = issue.path.map(String);
      const isSecret = SECRET_PATHS.some((s) => s.every((seg, i) => p[i] === seg));
      problems.push({
        path: p.join('.') || '(root)',
        message: redact(isSecret ? `${issue.message} (value redacted)` : issue.message, secrets),
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config = result.data!;
  resolvePaths(config, cwd, baseDir);
  for (const [i, source] of config.sources.entries()) Object.assign(source, locations.get(i));
  if (config.demo === undefined) {
    config.demo = !file && !config.watchlist && config.sources.length === 0 && config.subscriptions.length === 0;
  }
  return { config, file: file ? path.resolve(cwd, file) : undefined };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v && v.trim() !== '' ? v : undefined;
}

function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, problems: ConfigProblem[]): void {
  for (const [name, target] of Object.entries(ENV_OVERRIDES)) {
    const value = nonEmpty(env[name]);
    if (value === undefined) continue;
    let converted: unknown = value;
    if (name === 'BONITOR_PORT') {
      converted = /^\d+$/.test(value) ? Number(value) : NaN;
      if (Number.isNaN(converted)) {
        problems.push({ path: name, message: `must be a port number, got "${value}"` });
        continue;
      }
    } else if (name === 'BONITOR_ANALYSIS_WORKERS') {
      if (!/^\d+$/.test(value)) {
        problems.push({ path: name, message: `must be a whole number of worker threads (0 = none), got "${value}"` });
        continue;
      }
      converted = Number(value);
    } else if (name === 'BONITOR_KAFKA_BROKERS') {
      converted = value.split(',').map((b) => b.trim()).filter(Boolean);
    } else if (name === 'BONITOR_DEMO') {
      if (!/^(true|false|1|0)$/i.test(value)) {
        problems.push({ path: name, message: `must be true or false, got "${value}"` });
        continue;
      }
      converted = /^(true|1)$/i.test(value);
    }
    setPath(raw, target, converted);
  }
}

function setPath(obj: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

function collectSecrets(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const p of SECRET_PATHS) {
    let cur: unknown = raw;
    for (const k of p) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined;
    if (typeof cur === 'string' && cur.length >= 4) out.push(cur);
  }
  return out;
}

function redact(message: string, secrets: string[]): string {
  return secrets.reduce((m, s) => m.split(s).join('***'), message);
}

function resolvePaths(config: AppConfig, cwd: string, baseDir: string): void {
  config.dataDir = path.resolve(cwd, config.dataDir);
  if (config.watchlist) config.watchlist = path.resolve(baseDir, config.watchlist);
  config.localSourceDirs = config.localSourceDirs.map((d) => path.resolve(baseDir, d));
}

/**
 * Every source's `url` and `detailUrl` checked by scheme and, for local files, by directory
 * (see checkSourceLocation); returns the resolved values per source index.
 */
function checkSourceLocations(raw: Record<string, unknown>, baseDir: string, problems: ConfigProblem[]): Map<number, { url?: string; detailUrl?: string }> {
  const resolved = new Map<number, { url?: string; detailUrl?: string }>();
  if (!Array.isArray(raw.sources)) return resolved;
  const dirs = Array.isArray(raw.localSourceDirs) ? raw.localSourceDirs.filter((d): d is string => typeof d === 'string') : [];
  const roots = [baseDir, ...dirs.map((d) => path.resolve(baseDir, d))];
  raw.sources.forEach((source: unknown, i) => {
    if (typeof source !== 'object' || source === null) return;
    const entry: { url?: string; detailUrl?: string } = {};
    for (const field of ['url', 'detailUrl'] as const) {
      const value = (source as Record<string, unknown>)[field];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const check = checkSourceLocation(value, baseDir, roots);
      if (check.ok) entry[field] = check.value;
      else problems.push({ path: `sources.${i}.${field}`, message: check.message });
    }
    resolved.set(i, entry);
  });
  return resolved;
}

/** The effective configuration with secrets replaced, for `bonitor config` and logs. */
export function redactedConfig(config: AppConfig): AppConfig {
  const copy = structuredClone(config);
  if (copy.http.apiToken) copy.http.apiToken = '***';
  if (copy.smtp.url) copy.smtp.url = redactUrl(copy.smtp.url);
  if (copy.clickhouse.url) copy.clickhouse.url = redactUrl(copy.clickhouse.url);
  for (const source of copy.sources) if (source.apiKey) source.apiKey = '***';
  if (copy.registers.zefix?.password) copy.registers.zefix.password = '***';
  if (copy.registers.companiesHouse?.apiKey) copy.registers.companiesHouse.apiKey = '***';
  return copy;
}

function redactUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}
