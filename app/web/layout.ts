import { CATALOGUES } from '../../platform/i18n/index.js';
import { html, type SafeHtml } from './html.js';
import { PAGE_LANGUAGES, type Speaker } from './i18n.js';

export interface PageFrame {
  s: Speaker;
  /** The ?lang= value this page's links carry (de, or de-DE when a region was asked for). */
  lang: string;
  title: string;
  /** Path of this page, for the navigation and the language switch. */
  path: string;
  /** Query parameters to keep when switching language. */
  params?: Record<string, string | undefined>;
  body: SafeHtml;
  signedIn?: boolean;
}

export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The page shell: skip link, header with navigation and language switch, main landmark. */
export function renderPage(frame: PageFrame): string {
  const w = frame.s.t.web;
  const nav = [
    { path: '/', label: w.navCheck },
    { path: '/portfolio', label: w.navPortfolio },
    { path: '/subscriptions', label: w.navSubscriptions },
  ].map((n) => html`<li><a href="${hrefWith(n.path, { lang: frame.lang })}"${n.path === frame.path ? html` aria-current="page"` : ''}>${n.label}</a></li>`);
  const languages = PAGE_LANGUAGES.map((l) =>
    l === frame.s.lang
      ? html`<li><span class="lang current" aria-current="true" title="${CATALOGUES[l].languageName}">${l.toUpperCase()}</span></li>`
      : html`<li><a class="lang" href="${hrefWith(frame.path, { ...(frame.params ?? {}), lang: l })}" hreflang="${l}" lang="${l}" title="${CATALOGUES[l].languageName}" aria-label="${CATALOGUES[l].languageName}">${l.toUpperCase()}</a></li>`,
  );
  const page = html`<!doctype html>
<html lang="${frame.s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · Bonitor</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="top">
  <div class="wrap top-inner">
    <a class="brand" href="${hrefWith('/', { lang: frame.lang })}"><span class="logo" aria-hidden="true">B</span> ${w.product} <span class="tagline">${w.tagline}</span></a>
    <nav aria-label="${w.product}"><ul class="nav">${nav}</ul></nav>
    <div class="top-right">
      <nav aria-label="${w.language}"><ul class="langs">${languages}</ul></nav>
      ${frame.signedIn ? html`<form method="post" action="/logout" class="inline"><button type="submit" class="link">${w.logout}</button></form>` : ''}
    </div>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${frame.body}
</main>
</body>
</html>`;
  return page.value;
}
