// node-postgres (pg), the client @evidence-dev/postgres uses, against the
// holdings extension as the analyst role: what a JavaScript BI tool sees.
// Same output as the other clients: "node-postgres | operation | ok".
import fs from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const version = require('pg/package.json').version;
const env = process.env;
const config = {
	host: env.HOLDINGS_CLIENT_HOST, port: Number(env.HOLDINGS_CLIENT_PORT), database: env.HOLDINGS_CLIENT_DB,
	user: env.HOLDINGS_CLIENT_USER, password: env.HOLDINGS_CLIENT_PASSWORD
};
const results = new Map();
let failed = false;
async function check(op, fn) {
	try {
		await fn();
		if (!results.has(op)) results.set(op, 'ok');
	} catch (e) {
		console.log(`FAIL ${op}: ${String(e.message).split('\n')[0]}`);
		results.set(op, 'FAIL');
		failed = true;
	}
}
function eq(expected, actual, what) {
	const a = JSON.stringify(actual), x = JSON.stringify(expected);
	if (a !== x) throw new Error(`${what}: expected ${x}, got ${a}`);
}
// numeric's type modifier: ((precision << 16) | scale) + 4 (VARHDRSZ)
const typmod = (p, s) => ((p << 16) | s) + 4;

const client = new pg.Client(config);
await client.connect();

await check('client version (the one Evidence uses)', async () => {
	// dashboard/package-lock.json pins the pg that @evidence-dev/postgres loads.
	const lock = JSON.parse(fs.readFileSync(new URL('../../../dashboard/package-lock.json', import.meta.url)));
	eq(lock.packages['node_modules/pg'].version, version, 'pg in dashboard/package-lock.json');
});

await check('holding as text', async () => {
	const r = await client.query(
		"SELECT amount, pg_typeof(amount) = 'holdings.holding'::regtype AS is_holding FROM holdings.position" +
		" WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'");
	eq('1185515000000.00 USD', r.rows[0].amount, 'holding read as');
	eq(true, r.rows[0].is_holding, 'type is holdings.holding');
	const oid = (await client.query("SELECT 'holdings.holding'::regtype::oid::int AS oid")).rows[0].oid;
	eq(oid, r.fields[0].dataTypeID, 'dataTypeID of the holding column');
	eq('text', r.fields[0].format, 'format');
	// amount() and currency(): standard types
	const s = await client.query(
		"SELECT holdings.amount(amount) AS a, holdings.currency(amount) AS c FROM holdings.position" +
		" WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'");
	eq({ a: '1185515000000.00', c: 'USD' }, s.rows[0], 'amount() and currency()');
	eq([1700, 25], s.fields.map((f) => f.dataTypeID), 'their types (numeric, text)');
});

await check('views: numeric precision and scale', async () => {
	const cases = [
		['major_holders', 'usd_bn', 13, 3], ['positions', 'amount', 38, 8], ['positions', 'amount_usd', 38, 8],
		['disclosures', 'amount', 38, 8], ['disclosures', 'amount_usd', 38, 8], ['fx_rates_monthly', 'per_usd', 38, 20],
		['dollar_index_monthly', 'value', 12, 4], ['bi_flows', 'net_purchases_usd', 20, 2],
		['bi_flow_decomposition', 'level_usd', 20, 2], ['monthly_flows', 'level', 38, 8]
	];
	for (const [view, column, p, s] of cases) {
		const r = await client.query(`SELECT ${column} FROM holdings.${view} LIMIT 0`);
		eq([1700, typmod(p, s)], [r.fields[0].dataTypeID, r.fields[0].dataTypeModifier], `${view}.${column} numeric(${p},${s})`);
	}
});

await check('views: numeric values exact (strings)', async () => {
	const r = await client.query(
		"SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' AND month = '2025-12-31'");
	eq('1185.515', r.rows[0].usd_bn, 'major_holders.usd_bn');
	const e = await client.query("SELECT max(per_usd) AS m FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily'");
	eq('1710876.54887563102300000000', e.rows[0].m, 'largest ecb-daily rate, numeric(38,20)');
	// Evidence's connector parses numeric with parseFloat: exact to 15 significant digits only.
	eq(1710876.548875631, parseFloat(e.rows[0].m), 'the same as Evidence reads it (double)');
});

await check('dates', async () => {
	const r = await client.query(
		"SELECT month FROM holdings.major_holders WHERE holder_id = 'JP' AND month = $1", ['2025-12-31']);
	eq(1082, r.fields[0].dataTypeID, 'date oid');
	// pg's default: a JavaScript Date at local midnight of that day.
	const d = r.rows[0].month;
	eq([2025, 11, 31, 0, 0], [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()], 'local date parts');
	// As text, with a type parser (no time zone involved).
	const types = { getTypeParser: (oid, format) => (oid === 1082 ? (v) => v : pg.types.getTypeParser(oid, format)) };
	const t = await client.query({ text: 'SELECT max(month) AS m FROM holdings.major_holders', types });
	eq('2026-04-30', t.rows[0].m, 'latest month as text');
	// A Date parameter: pg sends local-time text, the server reads the day.
	const p = await client.query({
		text: "SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' AND month = $1::date",
		values: [new Date(2025, 11, 31)]
	});
	eq('1185.515', p.rows[0].usd_bn, 'Date parameter');
});

await check('parameters: holding as a string', async () => {
	// pg sends parameters untyped (text): the server types them from the context.
	const r = await client.query('SELECT holdings.fx_convert($1, $2, $3) AS y', ['1185.5 billion USD', 'JPY', '2025-12-31']);
	eq('184837232500000 JPY', r.rows[0].y, 'fx_convert');
	const c = await client.query(
		"SELECT count(*)::int AS n FROM holdings.position WHERE amount > $1", ['1e12 USD']);
	eq(2307, c.rows[0].n, 'comparison with a holding parameter');
});

await check('aggregates (search_path of the role)', async () => {
	const r = await client.query(
		"SELECT sum(amount) AS s FROM holdings.position WHERE holder_id = 'CN' AND instrument = 'UST'" +
		" AND as_of BETWEEN '2025-01-31' AND '2025-03-31'");
	eq('2310465000000.00 USD', r.rows[0].s, 'sum(holding)');
});

await check('errors: SQLSTATE', async () => {
	try {
		await client.query("SELECT 'x'::holdings.holding");
		throw new Error('no error');
	} catch (e) {
		eq('22P02', e.code, 'SQLSTATE of a bad holding');
	}
});

await client.end();
for (const [op, r] of results) console.log(`node-postgres ${version} | ${op} | ${r}`);
process.exit(failed ? 1 : 0);
