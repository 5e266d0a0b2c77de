import { escapeHtml, safeUrl } from '../../platform/html-safety.js';

/**
 * Escaping by default: every value interpolated into `html` is escaped unless it is itself
 * the result of `html` (or `raw`). Text from sources therefore can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export { escapeHtml, safeUrl } from '../../platform/html-safety.js';

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup built by this code (never text from a source). */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}

/** A link to a source; its text came from the source (class "src": not ours to translate). */
export function link(url: string, text: string): SafeHtml {
  const href = safeUrl(url);
  return href ? html`<a class="src" href="${href}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>` : html`<span class="src">${text}</span>`;
}
