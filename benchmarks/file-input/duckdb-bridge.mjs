// The customer-asset bridge of a revenue CSV (customer_id,date,amount) in DuckDB SQL, as cx movements computes it
// (docs/concepts/customer-asset.md): monthly values per customer, then new, reactivated, expansion, contraction, flat
// and churned with counts and value deltas, and each month's closing value.
//   node duckdb-bridge.mjs bridge <input.csv|input.parquet> <output.csv>
//   node duckdb-bridge.mjs to-parquet <input.csv> <output.parquet>
//   node duckdb-bridge.mjs scan <input> <output.csv>   (context: DuckDB reading every value of the three columns, and
//   node duckdb-bridge.mjs group <input> <output.csv>   grouping them by customer and month, the bridge's first step)
import { DuckDBInstance } from '@duckdb/node-api';

const [command, input, output] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(process.env.DUCKDB_THREADS ?? '2') });
const c = await db.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const source = input.endsWith('.parquet')
  ? `read_parquet(${quote(input)})`
  : `read_csv(${quote(input)}, header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)'})`;

if (command === 'to-parquet') {
  await c.run(`COPY (SELECT * FROM ${source}) TO ${quote(output)} (FORMAT parquet)`);
} else if (command === 'bridge') {
  await c.run(`
    CREATE TEMP TABLE v AS
      SELECT customer_id AS c, date_trunc('month', "date")::DATE AS m, SUM(amount) AS v
      FROM ${source} GROUP BY ALL HAVING SUM(amount) > 0`);
  await c.run(`
    COPY (
      WITH s AS (
        SELECT c, m, v, lag(m) OVER w AS pm, lag(v) OVER w AS pv, lead(m) OVER w AS nm
        FROM v WINDOW w AS (PARTITION BY c ORDER BY m)),
      last AS (SELECT max(m) AS lm FROM v),
      moves AS (
        SELECT m AS p,
          CASE WHEN pm IS NULL THEN 'new'
               WHEN pm = m - INTERVAL 1 MONTH THEN (CASE WHEN v > pv THEN 'expansion' WHEN v < pv THEN 'contraction' ELSE 'flat' END)
               ELSE 'reactivated' END AS cls,
          CASE WHEN pm = m - INTERVAL 1 MONTH THEN v - pv ELSE v END AS delta
        FROM s
        UNION ALL
        SELECT (m + INTERVAL 1 MONTH)::DATE, 'churned', -v FROM s, last WHERE (nm IS NULL OR nm > m + INTERVAL 1 MONTH) AND m < lm
        UNION ALL
        SELECT m, 'closing', v FROM v)
      SELECT strftime(p, '%Y-%m') AS period, cls, count(*) AS n, sum(delta) AS value FROM moves GROUP BY ALL ORDER BY ALL
    ) TO ${quote(output)} (HEADER)`);
} else if (command === 'scan') {
  await c.run(`COPY (SELECT count(*) AS n, sum(amount) AS total, min("date") AS first, max("date") AS last, max(length(customer_id)) AS id
                     FROM ${source}) TO ${quote(output)} (HEADER)`);
} else if (command === 'group') {
  await c.run(`COPY (SELECT count(*) AS n, sum(v) AS total FROM (
                       SELECT customer_id, date_trunc('month', "date") AS m, SUM(amount) AS v FROM ${source} GROUP BY ALL)
                     ) TO ${quote(output)} (HEADER)`);
} else {
  console.error('usage: node duckdb-bridge.mjs bridge|to-parquet|scan|group <input> <output>');
  process.exit(2);
}
