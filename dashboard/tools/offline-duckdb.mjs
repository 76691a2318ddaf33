// Makes Evidence's DuckDB work without the internet (run before every
// `evidence sources` and `evidence build` by the npm scripts; idempotent).
//
// Evidence reads its source data as Parquet through DuckDB-Wasm, at build time
// (in Node) and in the browser. DuckDB-Wasm 1.28.1 and later do not link the
// Parquet extension in: they download it from DuckDB's extension server on
// first use, which hangs without internet access (evidence-dev/evidence#3155,
// duckdb/duckdb-wasm#2010) and would make every reader's browser fetch code
// from a third-party host. package.json therefore pins @duckdb/duckdb-wasm
// (an npm override) to 1.28.0 (DuckDB 0.9.1), the last release with Parquet
// linked in, as Evidence used it before universal-sql 2.x. Two start-up
// settings that @evidence-dev/universal-sql 3 makes for DuckDB >= 1.1 do not
// exist in 0.9.1, whose behaviour is what they ask for (old implicit casts,
// division by zero gives NULL); they are made to tolerate their absence.
// Nothing else changes.
import fs from 'node:fs';
import path from 'node:path';

const sql = path.join('node_modules', '@evidence-dev', 'universal-sql');
const statements = [
	"await connection.query('SET ieee_floating_point_ops = false;');",
	"await connection.query('SET old_implicit_casting = true;');"
];
let patched = 0;
for (const name of ['node.js', 'browser.js']) {
	const file = path.join(sql, 'src', 'client-duckdb', name);
	let text = fs.readFileSync(file, 'utf8');
	for (const s of statements) {
		const tolerant = `try { ${s} } catch (e) { /* DuckDB 0.9: already so */ }`;
		if (text.includes(tolerant)) continue;
		if (!text.includes(s)) throw new Error(`${file}: "${s}" is not there (another universal-sql version?)`);
		text = text.replace(s, tolerant);
		patched++;
	}
	fs.writeFileSync(file, text);
}
const candidates = [path.join(sql, 'node_modules'), 'node_modules'].map((d) => path.join(d, '@duckdb', 'duckdb-wasm', 'package.json'));
const found = candidates.find((f) => fs.existsSync(f));
const version = found && JSON.parse(fs.readFileSync(found, 'utf8')).version;
if (version !== '1.28.0') throw new Error(`@duckdb/duckdb-wasm ${version}: expected 1.28.0 (Parquet linked in)`);
console.log(`offline-duckdb: DuckDB-Wasm ${version}; universal-sql ${patched ? 'patched' : 'already patched'}`);
