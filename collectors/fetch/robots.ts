/**
 * robots.txt (RFC 9309): the group for our product token, else `*`; the longest matching
 * rule wins, Allow wins a tie; `*` and `$` wildcards. Crawl-delay is not in the RFC but
 * widely used, so it raises our per-host interval.
 */
export interface RobotsRules {
  rules: Array<{ allow: boolean; pattern: string }>;
  crawlDelayMs?: number;
}

export const ALLOW_ALL: RobotsRules = { rules: [] };

export function parseRobots(text: string, productToken: string): RobotsRules {
  const token = productToken.toLowerCase();
  type Group = { agents: string[]; rules: RobotsRules['rules']; crawlDelayMs?: number };
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // "Disallow:" with an empty value allows everything; it adds no rule.
      if (value !== '') current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const s = Number(value);
      if (Number.isFinite(s) && s >= 0) current.crawlDelayMs = Math.min(s, 60) * 1000;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelayMs).filter((d): d is number => d !== undefined);
  return { rules, ...(delays.length > 0 ? { crawlDelayMs: Math.max(...delays) } : {}) };
}

/** Path plus query, as robots rules see it. */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  let best: { allow: boolean; length: number } | undefined;
  for (const r of rules.rules) {
    if (!matches(r.pattern, pathAndQuery)) continue;
    const length = r.pattern.length;
    if (!best || length > best.length || (length === best.length && r.allow)) best = { allow: r.allow, length };
  }
  return best?.allow ?? true;
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp('^' + body.split('*').map(escapeRegExp).join('.*') + (anchored ? '$' : ''));
  return re.test(path) || re.test(safeDecode(path));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
