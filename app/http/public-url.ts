import type { AppConfig } from '../../platform/config/schema.js';

/** The base URL mails link to: configured, else where this process listens. */
export function publicBaseUrl(config: AppConfig): string {
  if (config.http.publicUrl) return config.http.publicUrl.replace(/\/+$/, '');
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
}
