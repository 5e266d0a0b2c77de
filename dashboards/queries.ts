/**
 * ClickHouse SQL for every dashboard panel, against the tables of
 * platform/store/clickhouse/migrations.ts (facts are JSON documents in a `json` column;
 * mutable tables are ReplacingMergeTrees read with FINAL). Grafana fills in the variables
 * `${grade:singlequote}` and `${industry:singlequote}` and the ClickHouse plugin's macros
 * `$__timeFilter(col)`, `$__fromTime`, `$__toTime` and `$__timeInterval(col)`.
 */

/** The customer's industry with "none" for customers without one, so the variable can select them. */
const industryOf = (json: string) => `if(JSONExtractString(${json}, 'industry') = '', 'none', JSONExtractString(${json}, 'industry'))`;

export interface PanelQueries {
  gradeOverTime: string;
  gradeNow: string;
  exposureAtRisk: string;
  exposureByGrade: string;
  topMovers: string;
  signalsByType: string;
  signalsByIndustry: string;
  alertsSent: string;
  deliveriesByStatus: string;
  sourceHealth: string;
  documentsBySource: string;
  industryVariable: string;
}

export function buildQueries(db: string): PanelQueries {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db)) throw new Error(`database name "${db}" is not a plain identifier`);
  const t = (name: string) => `${db}.${name}`;
  const customers = `SELECT id, JSONExtractString(json, 'name') AS name, ${industryOf('json')} AS industry FROM ${t('customers')} FINAL`;
  const inIndustry = `customer_id IN (SELECT id FROM (${customers}) WHERE industry IN (\${industry:singlequote}))`;
  const history = `SELECT customer_id, parseDateTime64BestEffort(as_of) AS at, JSONExtractString(json, 'grade') AS grade, JSONExtractFloat(json, 'score') AS score
  FROM ${t('assessments')} FINAL WHERE ${inIndustry}`;
  const latest = `SELECT customer_id, JSONExtractString(json, 'grade') AS grade, JSONExtractFloat(json, 'score') AS score FROM ${t('assessments_latest')} FINAL`;
  // Open receivables as the scorer read them (the assessment's exposure: a cash discount taken is not
  // open, credit notes and write-offs reduce it), not amount minus paid of each ledger row.
  const exposure = `SELECT customer_id, JSONExtractString(json, 'grade') AS grade, JSONExtractString(json, 'exposure', 'currency') AS currency,
    JSONExtractFloat(json, 'exposure', 'open') AS open_amount
  FROM ${t('assessments_latest')} FINAL WHERE JSONHas(json, 'exposure') AND ${inIndustry}`;
  const signals = `SELECT s.id AS id, parseDateTime64BestEffort(s.occurred_at) AS at, JSONExtractString(s.json, 'type') AS type,
    JSONExtractString(s.json, 'severity') AS severity, if(s.industry != '', s.industry, if(c.industry = '', 'none', c.industry)) AS industry
  FROM ${t('signals')} AS s FINAL LEFT JOIN (${customers}) AS c ON c.id = s.customer_id`;

  return {
    // Each day: every customer's latest grade as of the end of that day.
    gradeOverTime: `WITH days AS (
  SELECT toStartOfDay($__fromTime) + toIntervalDay(number) AS day
  FROM numbers(toUInt64(greatest(dateDiff('day', $__fromTime, $__toTime), 0)) + 1)
)
SELECT day AS time, grade, count() AS customers
FROM (
  SELECT d.day AS day, h.customer_id AS customer_id, argMax(h.grade, h.at) AS grade
  FROM days AS d CROSS JOIN (${history}) AS h
  WHERE h.at < d.day + toIntervalDay(1)
  GROUP BY d.day, h.customer_id
)
WHERE grade IN (\${grade:singlequote})
GROUP BY time, grade
ORDER BY time, grade`,

    gradeNow: `SELECT grade, count() AS customers
FROM (${latest}) WHERE ${inIndustry} AND grade IN (\${grade:singlequote})
GROUP BY grade ORDER BY grade`,

    exposureAtRisk: `SELECT currency, round(sum(open_amount), 2) AS exposure_at_risk
FROM (${exposure})
WHERE open_amount > 0 AND grade IN ('D', 'E') AND grade IN (\${grade:singlequote})
GROUP BY currency ORDER BY currency`,

    exposureByGrade: `SELECT grade, currency, round(sum(open_amount), 2) AS open_receivables, uniqExact(customer_id) AS customers
FROM (${exposure})
WHERE open_amount > 0 AND grade IN (\${grade:singlequote})
GROUP BY grade, currency ORDER BY grade, currency`,

    // Score at the end of the range against the score at its start (or the first one inside it).
    topMovers: `SELECT c.name AS customer, m.customer_id AS id, m.start_grade AS from_grade, m.end_grade AS to_grade,
  round(m.start_score, 1) AS from_score, round(m.end_score, 1) AS to_score, round(m.end_score - m.start_score, 1) AS change
FROM (
  SELECT customer_id,
    if(countIf(at <= $__fromTime) > 0, argMaxIf(score, at, at <= $__fromTime), argMin(score, at)) AS start_score,
    if(countIf(at <= $__fromTime) > 0, argMaxIf(grade, at, at <= $__fromTime), argMin(grade, at)) AS start_grade,
    argMax(score, at) AS end_score,
    argMax(grade, at) AS end_grade
  FROM (${history}) WHERE at <= $__toTime
  GROUP BY customer_id
) AS m LEFT JOIN (${customers}) AS c ON c.id = m.customer_id
WHERE m.end_score != m.start_score AND (m.end_grade IN (\${grade:singlequote}) OR m.start_grade IN (\${grade:singlequote}))
ORDER BY abs(m.end_score - m.start_score) DESC, customer
LIMIT 20`,

    signalsByType: `SELECT $__timeInterval(at) AS time, type, count() AS signals
FROM (${signals})
WHERE $__timeFilter(at) AND industry IN (\${industry:singlequote})
GROUP BY time, type ORDER BY time, type`,

    signalsByIndustry: `SELECT industry, type, count() AS signals, countIf(severity IN ('high', 'critical')) AS high_or_critical
FROM (${signals})
WHERE $__timeFilter(at) AND industry IN (\${industry:singlequote})
GROUP BY industry, type ORDER BY signals DESC, industry, type
LIMIT 100`,

    alertsSent: `SELECT $__timeInterval(at) AS time, kind, count() AS mails
FROM (SELECT parseDateTime64BestEffortOrNull(sent_at) AS at, kind, status FROM ${t('outbox')} FINAL)
WHERE status = 'sent' AND at IS NOT NULL AND $__timeFilter(at)
GROUP BY time, kind ORDER BY time, kind`,

    deliveriesByStatus: `SELECT kind, status, count() AS mails, max(attempts) AS max_attempts
FROM ${t('outbox')} FINAL
WHERE $__timeFilter(parseDateTime64BestEffort(created_at))
GROUP BY kind, status ORDER BY kind, status`,

    sourceHealth: `SELECT source_id AS source,
  if(JSONExtractString(json, 'parkedUntil') != '' AND parseDateTime64BestEffortOrNull(JSONExtractString(json, 'parkedUntil')) > now(), 'parked',
     if(JSONExtractInt(json, 'consecutiveFailures') > 0, 'failing', 'ok')) AS status,
  JSONExtractInt(json, 'consecutiveFailures') AS consecutive_failures,
  parseDateTime64BestEffortOrNull(JSONExtractString(json, 'lastSuccessAt')) AS last_success,
  JSONExtractString(JSONExtractRaw(json, 'lastError'), 'kind') AS last_error,
  JSONExtractString(JSONExtractRaw(json, 'lastError'), 'message') AS last_error_message,
  JSONExtractUInt(json, 'totalPublished') AS documents_published
FROM ${t('source_health')} FINAL
ORDER BY consecutive_failures DESC, source`,

    documentsBySource: `SELECT $__timeInterval(at) AS time, source_id AS source, count() AS documents
FROM (SELECT parseDateTime64BestEffort(fetched_at) AS at, source_id FROM ${t('documents')} FINAL)
WHERE $__timeFilter(at)
GROUP BY time, source ORDER BY time, source`,

    industryVariable: `SELECT DISTINCT industry FROM (${customers}) ORDER BY industry`,
  };
}
