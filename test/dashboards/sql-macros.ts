/**
 * What Grafana and the ClickHouse plugin do to a panel's SQL before sending it: the
 * plugin's macros (same expansions as grafana-clickhouse-datasource's macros.go) and
 * multi-value variables with the :singlequote format.
 */
export interface Expansion {
  from: Date;
  to: Date;
  intervalSeconds: number;
  variables: Record<string, string[]>;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function expandSql(sql: string, e: Expansion): string {
  let out = sql
    .replace(/\$__timeFilter\(([^()]*(?:\([^()]*\))?[^()]*)\)/g, (_m, col: string) => `${col} >= toDateTime(${seconds(e.from)}) AND ${col} <= toDateTime(${seconds(e.to)})`)
    .replace(/\$__timeInterval\(([^()]*)\)/g, (_m, col: string) => `toStartOfInterval(toDateTime(${col}), INTERVAL ${e.intervalSeconds} second)`)
    .replace(/\$__fromTime/g, `toDateTime(${seconds(e.from)})`)
    .replace(/\$__toTime/g, `toDateTime(${seconds(e.to)})`);
  out = out.replace(/\$\{(\w+):singlequote\}/g, (_m, name: string) => {
    const values = e.variables[name];
    if (!values) throw new Error(`variable ${name} is not defined`);
    return values.length > 0 ? values.map(quote).join(',') : "''";
  });
  const left = /\$\{?\w+|\$__\w+/.exec(out);
  if (left) throw new Error(`unexpanded macro or variable ${left[0]}`);
  return out;
}
