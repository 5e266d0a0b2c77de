import { html, type SafeHtml } from './html.js';
import { STRINGS, type Lang } from './i18n.js';

export interface PageFrame {
  lang: Lang;
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
  const t = STRINGS[frame.lang];
  const nav = [
    { path: '/', label: t.navCheck },
    { path: '/portfolio', label: t.navPortfolio },
    { path: '/subscriptions', label: t.navSubscriptions },
  ].map((n) => html`<li><a href="${hrefWith(n.path, { lang: frame.lang })}"${n.path === frame.path ? html` aria-current="page"` : ''}>${n.label}</a></li>`);
  const other: Lang = frame.lang === 'de' ? 'en' : 'de';
  const switchHref = hrefWith(frame.path, { ...(frame.params ?? {}), lang: other });
  const page = html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · Bonitor</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="top">
  <div class="wrap top-inner">
    <a class="brand" href="${hrefWith('/', { lang: frame.lang })}"><span class="logo" aria-hidden="true">B</span> ${t.product} <span class="tagline">${t.tagline}</span></a>
    <nav aria-label="${t.product}"><ul class="nav">${nav}</ul></nav>
    <div class="top-right">
      <a class="lang" href="${switchHref}" hreflang="${other}" lang="${other}">${other === 'de' ? 'Deutsch' : 'English'}</a>
      ${frame.signedIn ? html`<form method="post" action="/logout" class="inline"><button type="submit" class="link">${t.logout}</button></form>` : ''}
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
