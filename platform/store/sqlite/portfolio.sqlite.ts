import type { Statement } from 'better-sqlite3';
import type { Db } from '../../sqlite/open-database.js';
import type { LedgerPosition, PortfolioEntry, PortfolioQuery, PortfolioStore, PortfolioTotals } from '../port.js';
import { portfolioOrderBy, reportingRates, toPortfolioEntry, totalsFrom, type PortfolioSqlRow } from '../portfolio-rows.js';

/** Every customer: on the watchlist, or assessed (from the ledger alone). */
const IDS = `ids AS (SELECT id AS customer_id FROM customers
  UNION ALL SELECT customer_id FROM portfolio_latest WHERE NOT EXISTS (SELECT 1 FROM customers WHERE id = portfolio_latest.customer_id))`;
/** Only assessed customers can match a grade or have moved: no need to visit the others. */
const ASSESSED = `ids AS (SELECT customer_id FROM portfolio_latest)`;
/** Open and due-before-today per customer and currency; a credit balance lowers open, never below 0. */
const POS = (where = '') => `pos AS (SELECT customer_id, currency, MAX(0, SUM(open)) AS open,
    MIN(MAX(0, SUM(open)), SUM(CASE WHEN open > 0 AND due_date < @today THEN open ELSE 0 END)) AS overdue
  FROM ledger_positions ${where} GROUP BY customer_id, currency)`;

const SORT_COLUMNS: Record<PortfolioQuery['sort'], string> = {
  risk: 'l.score',
  name: 'name',
  pd: 'l.pd',
  // Nothing open is 0; open in a currency without a rate is unknown (NULL, last).
  open: 'CASE WHEN p.customer_id IS NULL THEN 0 ELSE p.open_rep END',
  overdue: 'CASE WHEN p.customer_id IS NULL THEN 0 ELSE p.overdue_rep END',
  change: 'l.score - l.prev_score',
  movement: 'ABS(l.score - l.prev_score)',
  limitUse: 'l.utilisation',
};

/** The portfolio's set-based reads on SQLite: two statements per page, one for the totals. */
export class SqlitePortfolio implements PortfolioStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  async saveLedgerPositions(customerId: string, positions: LedgerPosition[]): Promise<void> {
    const del = this.sql('DELETE FROM ledger_positions WHERE customer_id = ?');
    const ins = this.sql('INSERT OR REPLACE INTO ledger_positions (customer_id, invoice_id, currency, due_date, open) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      del.run(customerId);
      for (const p of positions) ins.run(customerId, p.invoiceId, p.currency, p.dueDate, p.open);
    })();
  }

  /**
   * Two statements whatever the portfolio's size: the page (filtered, sorted and cut in SQL; open
   * items aggregated over everyone only when the sort needs them), then the page's open items.
   */
  async portfolioPage(q: PortfolioQuery): Promise<{ total: number; rows: PortfolioEntry[] }> {
    const byAmount = q.sort === 'open' || q.sort === 'overdue';
    const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
    const ctes = [q.grade !== undefined || q.moved ? ASSESSED : IDS];
    if (byAmount) {
      const rates = reportingRates(q);
      rates.forEach(([cur, rate], i) => Object.assign(params, { [`c${i}`]: cur, [`r${i}`]: rate }));
      params.today = q.today;
      ctes.push(
        `rates (currency, rate) AS (VALUES ${rates.map((_, i) => `(@c${i}, @r${i})`).join(', ')})`,
        POS(),
        `cust AS (SELECT p.customer_id,
            CASE WHEN SUM(p.open > 0 AND r.rate IS NULL) = 0 THEN SUM(CASE WHEN p.open > 0 THEN p.open * r.rate ELSE 0 END) END AS open_rep,
            CASE WHEN SUM(p.open > 0 AND r.rate IS NULL) = 0 THEN SUM(CASE WHEN p.open > 0 THEN p.overdue * r.rate ELSE 0 END) END AS overdue_rep
          FROM pos p LEFT JOIN rates r ON r.currency = p.currency GROUP BY p.customer_id)`,
      );
    }
    const where: string[] = [];
    if (q.grade !== undefined) (where.push('l.grade = @grade'), (params.grade = q.grade));
    if (q.industry !== undefined) (where.push(`substr(c.industry, 1, length(@industry)) = @industry`), (params.industry = q.industry));
    if (q.tag !== undefined) (where.push('EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = @tag)'), (params.tag = q.tag));
    if (q.moved) where.push('l.prev_score IS NOT NULL AND ABS(l.score - l.prev_score) >= 0.05');
    const text = `WITH ${ctes.join(',\n')}
      SELECT i.customer_id AS id, COALESCE(c.name, l.name, i.customer_id) AS name, c.industry, c.tags,
        l.grade, l.score, l.pd, l.terms_kind, l.as_of, l.prev_score, l.prev_grade, l.approved_limit, l.utilisation, l.currency,
        l.next_step, l.overridden, COUNT(*) OVER () AS total
      FROM ids i LEFT JOIN customers c ON c.id = i.customer_id LEFT JOIN portfolio_latest l ON l.customer_id = i.customer_id
        ${byAmount ? 'LEFT JOIN cust p ON p.customer_id = i.customer_id' : ''}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${portfolioOrderBy(q, SORT_COLUMNS, 'name COLLATE NOCASE')}
      LIMIT @limit OFFSET @offset`;
    const rows = this.sql(text).all(params) as Array<Omit<PortfolioSqlRow, 'currencies' | 'opens' | 'overdues'> & { total: number }>;
    const amounts = new Map<string, Array<{ currency: string; open: number; overdue: number }>>();
    if (rows.length > 0) {
      const found = this.sql(`WITH ${POS('WHERE customer_id IN (SELECT value FROM json_each(@ids))')} SELECT * FROM pos`).all({
        today: q.today,
        ids: JSON.stringify(rows.map((r) => r.id)),
      }) as Array<{ customer_id: string; currency: string; open: number; overdue: number }>;
      for (const f of found) amounts.set(f.customer_id, [...(amounts.get(f.customer_id) ?? []), f]);
    }
    const total = rows[0]?.total ?? (q.offset > 0 ? await this.count(q) : 0);
    return {
      total,
      rows: rows.map((r) => {
        const a = amounts.get(r.id) ?? [];
        return toPortfolioEntry({ ...r, currencies: a.map((x) => x.currency), opens: a.map((x) => x.open), overdues: a.map((x) => x.overdue) });
      }),
    };
  }

  /** Past the last page the window count has no row to ride on: count alone. */
  private async count(q: PortfolioQuery): Promise<number> {
    const page = await this.portfolioPage({ ...q, offset: 0, limit: 1 });
    return page.total;
  }

  async portfolioTotals(today: string): Promise<PortfolioTotals> {
    const rows = this.sql(
      `WITH ${IDS}, ${POS()}
       SELECT 'grade' AS kind, l.grade, NULL AS currency, COUNT(*) AS customers, 0 AS open, 0 AS overdue
         FROM ids i LEFT JOIN portfolio_latest l ON l.customer_id = i.customer_id GROUP BY l.grade
       UNION ALL
       -- Open items exist only for scored customers, all of them in portfolio_latest.
       SELECT 'amount', l.grade, p.currency, COUNT(*), SUM(p.open), SUM(p.overdue)
         FROM pos p LEFT JOIN portfolio_latest l ON l.customer_id = p.customer_id
         WHERE p.open > 0 GROUP BY l.grade, p.currency`,
    ).all({ today }) as Array<{ kind: string; grade: string | null; currency: string | null; customers: number; open: number; overdue: number }>;
    return totalsFrom(rows);
  }
}
