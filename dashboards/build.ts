import grafana from 'grafana-dash-gen';
import type { Dashboard, FieldColorModeId, Panel, VariableModel } from '@grafana/schema';
import { buildQueries, type PanelQueries } from './queries.js';

/**
 * The dashboards are laid out with grafana-dash-gen (Dashboard → Row → Panel, template
 * variables), then written in the current Grafana dashboard model (@grafana/schema's
 * `Dashboard`): rows become a flat panel list with gridPos, targets become ClickHouse SQL.
 */

export const DATASOURCE = { type: 'grafana-clickhouse-datasource', uid: 'bonitor-clickhouse' } as const;
export const SCHEMA_VERSION = 39;
const GRID_WIDTH = 24;

type Viz = 'timeseries' | 'table' | 'stat' | 'barchart' | 'piechart' | 'bargauge';

interface PanelSpec {
  title: string;
  description: string;
  viz: Viz;
  sql: string;
  /** Width in grafana-dash-gen spans (12 = full width). */
  span: number;
  format: 'time_series' | 'table';
  options?: Record<string, unknown>;
  fieldConfig?: Panel['fieldConfig'];
}

const GRADE_COLOURS: Record<string, string> = { A: '#1a7f37', B: '#4b8b1f', C: '#d4a72c', D: '#e16f24', E: '#c0222c' };
const FIXED = 'fixed' as FieldColorModeId;

const stackedBars = (unit: string): Panel['fieldConfig'] => ({
  defaults: { unit, custom: { drawStyle: 'bars', stacking: { mode: 'normal', group: 'A' }, fillOpacity: 80, lineWidth: 1 } },
  overrides: [],
});

const gradeSeries = (unit: string): Panel['fieldConfig'] => ({
  defaults: { unit, custom: { drawStyle: 'line', stacking: { mode: 'normal', group: 'A' }, fillOpacity: 60, lineWidth: 1 } },
  // A series is named after its grade ("customers A" or "A"), so each grade keeps its colour.
  overrides: Object.entries(GRADE_COLOURS).map(([g, colour]) => ({
    matcher: { id: 'byRegexp', options: `^(.* )?${g}$` },
    properties: [{ id: 'color', value: { mode: FIXED, fixedColor: colour } }],
  })),
});

function panelsOf(q: PanelQueries): Record<'portfolio' | 'operations', PanelSpec[][]> {
  return {
    portfolio: [
      [
        { title: 'Portfolio risk by grade over time', description: 'Customers per grade, each day by their latest assessment that day.', viz: 'timeseries', sql: q.gradeOverTime, span: 8, format: 'time_series', fieldConfig: gradeSeries('short') },
        { title: 'Grade distribution now', description: 'Customers by the grade of their latest assessment.', viz: 'barchart', sql: q.gradeNow, span: 4, format: 'table', options: { xField: 'grade', orientation: 'horizontal', showValue: 'always', legend: { showLegend: false, displayMode: 'list', placement: 'bottom', calcs: [] } } },
      ],
      [
        { title: 'Exposure at risk', description: 'Open receivables of customers graded D or E, per currency.', viz: 'stat', sql: q.exposureAtRisk, span: 4, format: 'table', options: { reduceOptions: { values: true, calcs: [], fields: '/^exposure_at_risk$/' }, textMode: 'value_and_name', colorMode: 'background', graphMode: 'none' }, fieldConfig: { defaults: { unit: 'none', decimals: 0, color: { mode: FIXED, fixedColor: '#c0222c' }, displayName: '${__data.fields.currency}' }, overrides: [] } },
        { title: 'Open receivables by grade', description: 'Open receivables and customers per grade and currency.', viz: 'table', sql: q.exposureByGrade, span: 4, format: 'table' },
        { title: 'Top movers', description: 'Largest score changes within the selected time range (positive = riskier).', viz: 'table', sql: q.topMovers, span: 4, format: 'table', fieldConfig: { defaults: {}, overrides: [{ matcher: { id: 'byName', options: 'change' }, properties: [{ id: 'custom.cellOptions', value: { type: 'color-text' } }, { id: 'thresholds', value: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: 0.1 }] } }] }] } },
      ],
      [
        { title: 'Signals by type', description: 'Adverse and positive events per interval, by event type.', viz: 'timeseries', sql: q.signalsByType, span: 7, format: 'time_series', fieldConfig: stackedBars('short') },
        { title: 'Signals by industry', description: 'Events per industry (NOGA/NACE) and type in the time range.', viz: 'table', sql: q.signalsByIndustry, span: 5, format: 'table' },
      ],
    ],
    operations: [
      [
        { title: 'Alerts sent', description: 'Mails sent per interval: digests, instant alerts, source-health alerts.', viz: 'timeseries', sql: q.alertsSent, span: 8, format: 'time_series', fieldConfig: stackedBars('short') },
        { title: 'Deliveries by status', description: 'Outbox entries created in the range, by kind and status (pending, sent, failed).', viz: 'table', sql: q.deliveriesByStatus, span: 4, format: 'table' },
      ],
      [
        { title: 'Source health', description: 'Every source with its consecutive failures, last success and last error. A broken source never fails silently.', viz: 'table', sql: q.sourceHealth, span: 7, format: 'table', fieldConfig: { defaults: {}, overrides: [{ matcher: { id: 'byName', options: 'status' }, properties: [{ id: 'mappings', value: [{ type: 'value', options: { ok: { color: 'green', index: 0 }, failing: { color: 'red', index: 1 }, parked: { color: 'orange', index: 2 } } }] }, { id: 'custom.cellOptions', value: { type: 'color-background' } }] }] } },
        { title: 'Documents collected by source', description: 'Documents fetched per interval and source.', viz: 'timeseries', sql: q.documentsBySource, span: 5, format: 'time_series', fieldConfig: stackedBars('short') },
      ],
    ],
  };
}

function variables(q: PanelQueries): VariableModel[] {
  const grade = new grafana.Templates.Custom({ name: 'grade', label: 'Grade', options: ['A', 'B', 'C', 'D', 'E'], includeAll: true, multi: true, current: { text: 'All', value: '$__all' } });
  // grafana-dash-gen types the datasource as a name; current Grafana wants a {type, uid} reference.
  const industry = new grafana.Templates.Query(q.industryVariable, { name: 'industry', label: 'Industry', datasource: DATASOURCE as unknown as string, includeAll: true, multi: true, refresh: true });
  return [grade.generate(), industry.generate()].map((v: Record<string, unknown>) => ({
    type: v.type as VariableModel['type'],
    name: String(v.name),
    label: String(v.label ?? v.name),
    // Plain comma-separated values: the custom-variable syntax every Grafana version reads.
    query: v.type === 'custom' ? (v.options as Array<{ value: string }>).map((o) => o.value).join(',') : (v.query as string),
    ...(v.type === 'query' ? { datasource: DATASOURCE, refresh: 1, definition: v.query } : {}),
    options: v.type === 'custom' ? (v.options as VariableModel['options']) : [],
    current: { text: ['All'], value: ['$__all'] },
    includeAll: true,
    multi: true,
  }));
}

interface LegacyPanel {
  id: number;
  type: string;
  title: string;
  span: number;
  description: string;
  targets: Array<Record<string, unknown>>;
  options?: Record<string, unknown>;
  fieldConfig?: Panel['fieldConfig'];
}

/** grafana-dash-gen's rows (12 spans) → Grafana's 24-column grid with explicit positions. */
function flattenRows(rows: Array<{ title: string; height: string; panels: LegacyPanel[] }>): Panel[] {
  const out: Panel[] = [];
  let y = 0;
  for (const row of rows) {
    const h = Math.round(Number.parseInt(row.height, 10) / 30);
    let x = 0;
    for (const p of row.panels) {
      const w = Math.round((p.span / 12) * GRID_WIDTH);
      out.push({
        id: p.id,
        type: p.type,
        title: p.title,
        description: p.description,
        datasource: DATASOURCE,
        gridPos: { x, y, w, h },
        targets: p.targets,
        options: p.options ?? {},
        fieldConfig: p.fieldConfig ?? { defaults: {}, overrides: [] },
      });
      x += w;
    }
    y += h;
  }
  return out;
}

function buildDashboard(uid: string, title: string, description: string, rows: PanelSpec[][], vars: VariableModel[]): Dashboard {
  const dash = new grafana.Dashboard({ title, tags: ['bonitor', 'credit-risk'], refresh: '5m', time: { from: 'now-90d', to: 'now' } });
  let id = 0;
  for (const specs of rows) {
    const row = new grafana.Row({ title: specs.map((s) => s.title).join(' · '), height: '270px' });
    for (const s of specs) {
      const target = { refId: 'A', datasource: DATASOURCE, editorType: 'sql', queryType: s.format === 'time_series' ? 'timeseries' : 'table', format: s.format === 'time_series' ? 0 : 1, rawSql: s.sql };
      // Graph is grafana-dash-gen's generic panel; its type and fields are overridden with current ones.
      const panel = new grafana.Panels.Graph({ id: ++id, type: s.viz as 'graph', title: s.title, span: s.span, description: s.description, options: s.options, fieldConfig: s.fieldConfig, datasource: DATASOURCE });
      // grafana-dash-gen's targets are Graphite strings; a SQL target is set on the panel state as is.
      (panel as unknown as { state: { targets: unknown[] } }).state.targets = [target];
      row.addPanel(panel);
    }
    dash.addRow(row);
  }
  const state = dash.generate() as unknown as { title: string; tags: string[]; refresh: string; time: Dashboard['time']; rows: Array<{ title: string; height: string; panels: LegacyPanel[] }> };
  return {
    uid,
    title: state.title,
    description,
    tags: state.tags,
    editable: false,
    graphTooltip: 1,
    refresh: state.refresh,
    time: state.time,
    timezone: 'browser',
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    links: [],
    annotations: { list: [] },
    templating: { list: vars },
    panels: flattenRows(state.rows),
  };
}

export interface GeneratedDashboards {
  'bonitor-portfolio': Dashboard;
  'bonitor-operations': Dashboard;
}

/** Both dashboards for a ClickHouse database (default `bonitor`). */
export function buildDashboards(database = 'bonitor'): GeneratedDashboards {
  const q = buildQueries(database);
  const panels = panelsOf(q);
  return {
    'bonitor-portfolio': buildDashboard('bonitor-portfolio', 'Bonitor — Portfolio risk', 'Grades over time, exposure at risk, top movers and signals by type and industry.', panels.portfolio, variables(q)),
    'bonitor-operations': buildDashboard('bonitor-operations', 'Bonitor — Operations', 'Alerts sent, deliveries, source health and documents collected.', panels.operations, []),
  };
}
