import { NEWS_TEMPLATES, REGISTER_TEMPLATES, COUNTRY_EDITIONS, SECTOR_TERMS } from '../../collectors/watch/catalog.js';
import { REGISTER_ENDPOINTS } from '../../platform/config/registers.js';
import { withWatchSources } from '../watch-sources.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const REGISTER_TERMS: Array<[string, string, string]> = [
  ['registers.companiesHouse', REGISTER_ENDPOINTS.companiesHouse, 'free API key; 600 requests per 5 minutes; Open Government Licence'],
  ['registers.edgar', REGISTER_ENDPOINTS.edgar, 'no key; at most 10 requests per second; user agent with a contact address'],
  ['registers.zefix', REGISTER_ENDPOINTS.zefix, 'free credentials from zefix@bj.admin.ch; OGD open use, source must be named'],
  ['registers.uidRegister', REGISTER_ENDPOINTS.uidRegister, 'no account; requests per minute limited by the service'],
  ['registers.shab', REGISTER_ENDPOINTS.shab, 'no account; page × size at most 10,000; only the signed PDF is binding'],
];

/** `bonitor sources catalog`: every built-in template with its real URL and terms; with --watchlist, what it derives. */
const SOURCES_CATALOG_OPTIONS = { derived: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } } as const satisfies OptionSpecs;

export const sourcesCatalogCommand: Command = {
  options: SOURCES_CATALOG_OPTIONS,
  name: 'sources catalog',
  summary: 'list the built-in news, register and sector source templates with their URLs and terms of use; --derived shows what the watchlist yields',
  usage: 'bonitor sources catalog [--derived] [--format text|json]',
  async run(args, ctx) {
    const { values } = parseOptions(SOURCES_CATALOG_OPTIONS, args, this.usage);
    if (values.derived) {
      const app = await ctx.app();
      const config = { ...app.config, watching: { ...app.config.watching, enabled: true } };
      const { derived } = withWatchSources(config, await app.store.listCustomers());
      if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify(derived, null, 2)}\n`);
      else {
        if (!app.config.watching.enabled) ctx.io.stdout.write('watching.enabled is false: these are the sources `watching: { enabled: true }` would add\n');
        for (const d of derived) ctx.io.stdout.write(`${d.source.id}  ${d.source.kind ?? 'rss'}  ${d.source.url}\n    for ${d.reason}\n`);
        ctx.io.stdout.write(`${derived.length} source(s) from ${(await app.store.listCustomers()).length} customer(s)\n`);
      }
      return 0;
    }
    const catalog = { news: NEWS_TEMPLATES, editions: COUNTRY_EDITIONS, registers: REGISTER_TEMPLATES, sectors: SECTOR_TERMS, lookups: REGISTER_TERMS.map(([config, url, terms]) => ({ config, url, terms })) };
    if (values.format === 'json') {
      ctx.io.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
      return 0;
    }
    const out: string[] = ['News search feeds (one per customer and language; watching.news):'];
    for (const t of NEWS_TEMPLATES) out.push(`  ${t.id}  ${t.name}`, `    ${t.url}`, `    terms: ${t.terms}`);
    out.push('', `  languages per country: ${Object.entries(COUNTRY_EDITIONS).map(([c, e]) => `${c} ${e.map((x) => x.lang).join('/')}`).join(', ')}`, '');
    out.push('Register notice feeds (watching.registers):');
    for (const t of REGISTER_TEMPLATES) out.push(`  ${t.id}  ${t.name} [${t.country}${t.perCustomer ? ', per register id' : ', shared, linked by register id'}]`, `    ${t.url}`, `    terms: ${t.terms}`);
    out.push('', `Sector news (watching.sectors), per NACE section: ${Object.keys(SECTOR_TERMS).join(', ')}`, '');
    out.push('Register lookups (registers.*, for checks and register facts):');
    for (const [config, url, terms] of REGISTER_TERMS) out.push(`  ${config}  ${url}`, `    terms: ${terms}`);
    ctx.io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
