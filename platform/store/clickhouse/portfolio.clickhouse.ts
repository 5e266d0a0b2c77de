import type { LedgerPosition, PortfolioEntry, PortfolioQuery, PortfolioStore, PortfolioTotals } from '../port.js';
import { portfolioOrderBy, reportingRates, toPortfolioEntry, totalsFrom, type PortfolioSqlRow } from '../portfolio-rows.js';
import type { ClickHouseDb } from './clickhouse-db.js';

const SORT_COLUMNS: Record<PortfolioQuery['sort'], string> = {
  risk: 'l.score',
  name: 'name',
  pd: 'l.pd',
  // Nothing open is 0; open in a currency without a rate is unknown (NULL, last).
  open: 'if(p.customer_id IS NULL, 0, p.open_rep)',
  overdue: 'if(p.customer_id IS NULL, 0, p.overdue_rep)',
  change: 'l.score - l.prev_score',
  movement: 'abs(l.score - l.prev_score)',
  limitUse: 'l.utilisation',
};

/**
 * The portfolio's set-based reads on ClickHouse: one query per page, one for the totals. LEFT
 * JOINs keep SQL's NULL for a missing side (join_use_nulls), as SQLite does.
 */
export class ClickHousePortfolio implements PortfolioStore {
  constructor(private readonly ch: ClickHouseDb) {}

  private t(name: string): string {
    return this.ch.table(name);
  }

  private ctes(): string {
    return `ids AS (SELECT id AS customer_id FROM ${this.t('customers')} FINAL UNION DISTINCT SELECT customer_id FROM ${this.t('assessments_latest')} FINAL),
      pos AS (SELECT customer_id, currency, greatest(0, sum(o)) AS open,
          least(greatest(0, sum(o)), sumIf(o, o > 0 AND d IS NOT NULL AND d < {today:String})) AS overdue
        FROM (SELECT customer_id, currencies, due_dates, opens FROM ${this.t('ledger_positions')} FINAL)
        ARRAY JOIN currencies AS currency, due_dates AS d, opens AS o GROUP BY customer_id, currency)`;
  }

  async saveLedgerPositions(customerId: string, positions: LedgerPosition[]): Promise<void> {
    await this.ch.insert('ledger_positions', [
      {
        customer_id: customerId,
        invoice_ids: positions.map((p) => p.invoiceId),
        currencies: positions.map((p) => p.currency),
        due_dates: positions.map((p) => p.dueDate),
        opens: positions.map((p) => p.open),
        version: this.ch.nextVersion(),
      },
    ]);
  }

  async portfolioPage(q: PortfolioQuery): Promise<{ total: number; rows: PortfolioEntry[] }> {
    const rates = reportingRates(q);
    const params: Record<string, unknown> = { today: q.today, limit: q.limit, offset: q.offset, rc: rates.map((r) => r[0]), rv: rates.map((r) => r[1]) };
    const where: string[] = [];
    if (q.grade !== undefined) (where.push('l.grade = {grade:String}'), (params.grade = q.grade));
    if (q.industry !== undefined) (where.push('startsWith(c.industry, {industry:String})'), (params.industry = q.industry));
    if (q.tag !== undefined) (where.push('has(c.tags, {tag:String})'), (params.tag = q.tag));
    if (q.moved) where.push('l.prev_score IS NOT NULL AND abs(l.score - l.prev_score) >= 0.05');
    const rate = `transform(currency, {rc:Array(String)}, {rv:Array(Float64)}, toFloat64(0))`;
    const unconverted = `countIf(open > 0 AND NOT has({rc:Array(String)}, currency))`;
    const rows = await this.ch.rows<PortfolioSqlRow & { total: string }>(
      `WITH ${this.ctes()},
        cust AS (SELECT customer_id, groupArray(currency) AS currencies, groupArray(open) AS opens, groupArray(overdue) AS overdues,
            if(${unconverted} = 0, sumIf(open * ${rate}, open > 0), NULL) AS open_rep,
            if(${unconverted} = 0, sumIf(overdue * ${rate}, open > 0), NULL) AS overdue_rep
          FROM pos GROUP BY customer_id)
      SELECT i.customer_id AS id, coalesce(c.name, nullIf(l.name, ''), i.customer_id) AS name, c.industry AS industry, c.tags AS tags,
        nullIf(l.grade, '') AS grade, l.score AS score, l.pd AS pd, l.terms_kind AS terms_kind, l.as_of AS as_of, l.prev_score AS prev_score,
        l.prev_grade AS prev_grade, l.approved_limit AS approved_limit, l.utilisation AS utilisation, l.currency AS currency,
        l.next_step AS next_step, l.overridden AS overridden, p.currencies AS currencies, p.opens AS opens, p.overdues AS overdues,
        count() OVER () AS total
      FROM ids AS i
        LEFT JOIN (SELECT id, name, industry, tags FROM ${this.t('customers')} FINAL) AS c ON c.id = i.customer_id
        LEFT JOIN (SELECT customer_id, name, grade, score, pd, terms_kind, as_of, prev_score, prev_grade, approved_limit, utilisation, currency,
            next_step, overridden FROM ${this.t('assessments_latest')} FINAL) AS l ON l.customer_id = i.customer_id
        LEFT JOIN cust AS p ON p.customer_id = i.customer_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${portfolioOrderBy(q, SORT_COLUMNS, 'lower(name)')}
      LIMIT {limit:UInt32} OFFSET {offset:UInt32}
      SETTINGS join_use_nulls = 1`,
      params,
    );
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows[0] && q.offset > 0) total = (await this.portfolioPage({ ...q, offset: 0, limit: 1 })).total;
    return { total, rows: rows.map(toPortfolioEntry) };
  }

  async portfolioTotals(today: string): Promise<PortfolioTotals> {
    const latest = `(SELECT customer_id, grade FROM ${this.t('assessments_latest')} FINAL)`;
    const rows = await this.ch.rows<{ kind: string; grade: string | null; currency: string | null; customers: string; open: number; overdue: number }>(
      `WITH ${this.ctes()}
       SELECT 'grade' AS kind, nullIf(l.grade, '') AS grade, CAST(NULL AS Nullable(String)) AS currency, count() AS customers,
              toFloat64(0) AS open, toFloat64(0) AS overdue
         FROM ids AS i LEFT JOIN ${latest} AS l ON l.customer_id = i.customer_id GROUP BY grade
       UNION ALL
       SELECT 'amount' AS kind, nullIf(l.grade, '') AS grade, CAST(p.currency AS Nullable(String)) AS currency, count() AS customers,
              sum(p.open) AS open, sum(p.overdue) AS overdue
         FROM ids AS i INNER JOIN pos AS p ON p.customer_id = i.customer_id LEFT JOIN ${latest} AS l ON l.customer_id = i.customer_id
         WHERE p.open > 0 GROUP BY grade, currency
       SETTINGS join_use_nulls = 1`,
      { today },
    );
    return totalsFrom(rows);
  }
}
