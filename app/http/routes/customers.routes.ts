import { z } from 'zod';
import { grade } from '../../../platform/schemas/index.js';
import { checkAnswerSchema, customerDetailSchema, customerListItemSchema, portfolioListQuery, portfolioSchema } from '../api-schemas.js';
import type { RouteContext } from '../context.js';
import { HttpError } from '../errors.js';
import type { FastifyReply } from 'fastify';
import { EXPORT_LIMIT, loadCustomerPage, loadPortfolio, runCheck } from '../queries.js';
import { ledgerFeatureOptions } from '../../ledger-options.js';
import { defineRoute } from '../route.js';
import { portfolioCsv, portfolioXlsx } from '../../portfolio-export.js';
import { speakerFor } from '../../locale.js';
import type { SourceReport } from '../../../platform/registers/register-entry.js';
import { summarizeLedger } from '../../web/portfolio.js';
import { assessmentSchema } from '../../../platform/schemas/index.js';

export const checkQuery = z.object({
  q: z.string({ error: 'q (a name or register id) is required' }).trim().min(1, 'q (a name or register id) is required').max(200, 'q is at most 200 characters').describe('company name or register id'),
  amount: z.coerce.number().positive('amount must be positive').max(1e12).optional().describe('order amount the terms are decided for'),
});

const listQuery = portfolioListQuery;
const JSON_TYPE = 'application/json; charset=utf-8';

/** The page's place in the whole list: X-Total-Count, and RFC 8288 links to the next and previous pages. */
function pageHeaders(reply: FastifyReply, url: string, total: number, limit: number, offset: number): void {
  reply.header('x-total-count', String(total));
  const at = (o: number) => {
    const u = new URL(url, 'http://localhost');
    u.searchParams.set('offset', String(o));
    u.searchParams.set('limit', String(limit));
    return `<${u.pathname}${u.search}>`;
  };
  const links: string[] = [];
  if (offset + limit < total) links.push(`${at(offset + limit)}; rel="next"`);
  if (offset > 0) links.push(`${at(Math.max(0, offset - limit))}; rel="prev"`);
  if (links.length > 0) reply.header('link', links.join(', '));
}

const idParams = z.object({ id: z.string().min(1).max(200) });

/** Check, customers, their assessments and history, and the portfolio summary. */
export function registerCustomerRoutes({ server, registry, app, documents, searchCustomers, registers, fresh, checkAnswers }: RouteContext): void {
  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/check', tag: 'check', access: 'read', summary: 'Pre-contract check by name or register id: a customer, or a prospect from public documents; 300 with candidates when the query names no one company', query: checkQuery, response: checkAnswerSchema, errors: [300, 404] },
    async ({ query, reply }) => {
      const kept = await checkAnswers?.get(query.q, query.amount);
      if (kept !== undefined) return reply.type(JSON_TYPE).send(kept);
      // The basis is read before the answer is made: a re-score meanwhile makes the kept answer stale, never the reverse.
      const prepared = await checkAnswers?.prepare(query.q, query.amount);
      const sources: SourceReport[] = [];
      const answer = await runCheck(app, documents, query.q, { orderAmount: query.amount, search: searchCustomers, ...(fresh ? { fresh } : {}), ...(registers ? { registers } : {}), sourcesOut: sources });
      if (!answer) {
        throw new HttpError(404, `no customer matches "${query.q}", no register knows it and no stored public document names it`, sources.map((s) => `${s.register}: ${s.detail} (${s.at})`));
      }
      if (answer.kind === 'candidates') {
        return reply.code(300).send({ error: 'ambiguous', message: `"${query.q}" matches several customers and names none of them clearly; ask again with one of their ids`, candidates: answer.candidates });
      }
      const body = JSON.stringify({
        ...answer.assessment,
        match: {
          kind: answer.kind,
          alternatives: answer.alternatives,
          ...(answer.documents ? { documents: answer.documents } : {}),
          ...(answer.register ? { register: { entries: answer.register.entries, sources: answer.register.sources, candidates: answer.register.candidates } } : {}),
        },
      });
      const keep = prepared && checkAnswers && answer.kind === 'customer' && answer.assessment.customerId === prepared.customerId;
      return reply.type(JSON_TYPE).send(keep ? checkAnswers.set(query.q, query.amount, prepared, body) : body);
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/customers', tag: 'customers', access: 'read', summary: 'Customers with their latest grade, riskiest first; one page (X-Total-Count and Link headers tell the rest)', query: listQuery, response: z.array(customerListItemSchema) },
    async ({ query, req, reply }) => {
      const page = await loadCustomerPage(app, query);
      pageHeaders(reply, req.url, page.total, query.limit, query.offset);
      return page.rows.map(({ termsKind, previousGrade: _p, ...r }) => ({ ...r, terms: termsKind }));
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/customers/:id', tag: 'customers', access: 'read', summary: 'One customer: watchlist entry, latest assessment, score history, ledger summary', params: idParams, response: customerDetailSchema, errors: [404] },
    async ({ params }) => {
      const [customer, assessment, history, ledger] = await Promise.all([
        app.store.getCustomer(params.id),
        app.store.latestAssessment(params.id),
        app.store.assessmentHistory(params.id),
        app.store.ledgerForCustomer(params.id),
      ]);
      if (!customer && !assessment && ledger.length === 0) throw new HttpError(404, `no customer with id "${params.id}"`);
      return {
        customer: customer ? { id: customer.id, name: customer.name, aliases: customer.aliases, registerIds: customer.registerIds, country: customer.country, industry: customer.industry, tags: customer.tags } : null,
        assessment: assessment ?? null,
        history: history.map((a) => ({ asOf: a.asOf, score: a.score, grade: a.grade, pd: a.pd, terms: a.terms.kind })),
        ledger: summarizeLedger(ledger, app.clock.now(), ledgerFeatureOptions(app.config)),
      };
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/customers/:id/assessments', tag: 'customers', access: 'read', summary: 'Every stored assessment of a customer, oldest first', params: idParams, response: z.array(assessmentSchema), errors: [404] },
    async ({ params }) => {
      const history = await app.store.assessmentHistory(params.id);
      if (history.length === 0 && !(await app.store.getCustomer(params.id))) throw new HttpError(404, `no customer with id "${params.id}"`);
      return history;
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/portfolio', tag: 'customers', access: 'read', summary: 'Portfolio: one page of customers by risk, grade distribution, exposure at risk, top movers over all of them', query: listQuery, response: portfolioSchema },
    async ({ query, req, reply }) => {
      const portfolio = await loadPortfolio(app, query);
      pageHeaders(reply, req.url, portfolio.total, query.limit, query.offset);
      return portfolio;
    },
  );

  defineRoute(
    server,
    registry,
    { method: 'GET', url: '/api/portfolio/export', tag: 'customers', access: 'read', summary: 'The portfolio as CSV or an Excel workbook (format=csv|xlsx, lang=de|fr|it|en)', query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.string().max(20).optional() }), produces: 'text/csv' },
    async ({ query, req, reply }) => {
      const s = speakerFor(app.config, query.lang, req.headers['accept-language']);
      const portfolio = await loadPortfolio(app, { limit: EXPORT_LIMIT });
      const name = `bonitor-portfolio-${app.clock.now().toISOString().slice(0, 10)}.${query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return query.format === 'xlsx'
        ? reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await portfolioXlsx(portfolio, s))
        : reply.type('text/csv; charset=utf-8').send(portfolioCsv(portfolio, s));
    },
  );
}
