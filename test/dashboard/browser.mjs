// Opens every page of the built dashboard in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core from dashboard/node_modules),
// fails on any console error, page error, failed request or request to a host
// other than 127.0.0.1, waits for every figure marked data-figure to render,
// prints the figures (and the rows of every table inside an element marked
// data-table) as JSON and saves a full-page screenshot of each page.
//
// A PAGE of the form /route@Title=Label also picks Label in the page's
// drop-down titled Title (an Evidence Dropdown) and reads the page again once
// the figure holder-name shows Label; its figures are keyed by the whole PAGE.
//
//   node browser.mjs BASE_URL SCREENSHOT_DIR DASHBOARD_DIR PAGE...
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';

const [base, shots, dashboardDir, ...pages] = process.argv.slice(2);
const require = createRequire(path.resolve(dashboardDir, 'package.json'));
const { chromium } = require('playwright-core');

const profile = fs.mkdtempSync('/tmp/holdings-chromium-');
const browser = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium',
	headless: true,
	viewport: { width: 1280, height: 900 },
	timezoneId: 'UTC',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const problems = [];
const figures = {};
const aborted = new Set();
// Every figure rendered (no query still loading) and, if given, the figure
// holder-name showing the holder picked.
async function settle(page, holder) {
	await page.waitForFunction((holder) => {
		const figs = [...document.querySelectorAll('[data-figure]')];
		if (figs.length === 0) return false;
		if (!figs.every((f) => f.textContent.trim() !== '' && !/Loading/.test(f.textContent))) return false;
		if (holder === null) return true;
		const name = document.querySelector('[data-figure="holder-name"]');
		if (name === null || name.textContent.trim() !== holder) return false;
		// tables that name the holder (a row holder_name | ...) name it too
		return [...document.querySelectorAll('[data-table] tr')].every((tr) => {
			const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
			return cells[0] !== 'holder_name' || cells[1] === holder;
		});
	}, holder, { timeout: 120000 });
	await page.waitForTimeout(1000); // charts finish their animation (ECharts: 1 s)
}

async function read(page) {
	return page.evaluate(() => {
		const out = Object.fromEntries(
			[...document.querySelectorAll('[data-figure]')].map((f) => [f.dataset.figure, f.textContent.trim()]));
		// a DataTable's rows (not the copy in its hidden full-screen dialog)
		for (const t of document.querySelectorAll('[data-table]'))
			out['table:' + t.dataset.table] = [...t.querySelectorAll('tr')]
				.filter((tr) => !tr.closest('dialog') && tr.querySelector('td'))
				.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));
		return out;
	});
}

try {
	let page = null;
	for (const spec of pages) {
		const [route, pick] = spec.split('@');
		const where = `page ${spec}`;
		const started = Date.now();
		if (!pick) {
			if (page) await page.close();
			page = await browser.newPage();
			page.on('console', (m) => {
				if (m.type() === 'error') problems.push(`page ${page.url()}: console error: ${m.text()}`);
			});
			page.on('pageerror', (e) => problems.push(`page ${page.url()}: page error: ${e.message}`));
			page.on('requestfailed', (r) => {
				// Evidence cancels the fetch of a prerendered query result once
				// DuckDB has answered in the page: checked below that it exists.
				if (r.failure()?.errorText === 'net::ERR_ABORTED') aborted.add(r.url());
				else problems.push(`page ${page.url()}: request failed: ${r.url()} ${r.failure()?.errorText}`);
			});
			page.on('response', (r) => {
				if (r.status() >= 400) problems.push(`page ${page.url()}: HTTP ${r.status()} ${r.url()}`);
			});
			page.on('request', (r) => {
				const u = new URL(r.url());
				if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1')
					problems.push(`page ${page.url()}: request to another host: ${r.url()}`);
			});
			await page.goto(base + route, { waitUntil: 'networkidle', timeout: 120000 });
			await settle(page, null);
		} else {
			// The same page, another choice in its drop-down (the page stays open).
			const [title, label] = pick.split('=');
			if (!page || new URL(page.url()).pathname.replace(/\/$/, '') !== route.replace(/\/$/, ''))
				throw new Error(`${where}: open ${route} first`);
			await page.getByRole('combobox', { name: title }).click();
			// the list is virtual: search it, then pick
			await page.locator('[data-cmdk-input]').fill(label);
			await page.getByRole('option', { name: label, exact: true }).click();
			await page.keyboard.press('Escape');
			await settle(page, label);
		}
		const errors = await page.evaluate(() =>
			[...document.querySelectorAll('[data-testid$="error" i], .error, [role=alert]')]
				.map((e) => e.textContent.trim()).filter((t) => /error/i.test(t)));
		for (const e of errors) problems.push(`${where}: error shown on the page: ${e.slice(0, 300)}`);
		const charts = await page.evaluate(() => document.querySelectorAll('.chart, [_echarts_instance_]').length);
		figures[spec] = await read(page);
		figures[spec]._charts = charts;
		figures[spec]._seconds = (Date.now() - started) / 1000;
		const name = spec.replace(/^\/|\/$/g, '').replace(/[@=]/g, '-').replace(/[^A-Za-z0-9-]+/g, '_') || 'index';
		await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
	}
	if (page) await page.close();
	for (const url of aborted) {
		const r = await fetch(url);
		if (r.status !== 200) problems.push(`cancelled request that fails: ${url} (HTTP ${r.status})`);
	}
} finally {
	await browser.close();
	fs.rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(figures));
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
