// Opens every page of the built dashboard in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core from dashboard/node_modules),
// fails on any console error, page error, failed request or request to a host
// other than 127.0.0.1, waits for every figure marked data-figure to render,
// prints the figures as JSON and saves a full-page screenshot of each page.
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
try {
	for (const route of pages) {
		const page = await browser.newPage();
		const where = `page ${route}`;
		page.on('console', (m) => {
			if (m.type() === 'error') problems.push(`${where}: console error: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
		page.on('requestfailed', (r) => {
			// Evidence cancels the fetch of a prerendered query result once
			// DuckDB has answered in the page: checked below that it exists.
			if (r.failure()?.errorText === 'net::ERR_ABORTED') aborted.add(r.url());
			else problems.push(`${where}: request failed: ${r.url()} ${r.failure()?.errorText}`);
		});
		page.on('response', (r) => {
			if (r.status() >= 400) problems.push(`${where}: HTTP ${r.status()} ${r.url()}`);
		});
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1')
				problems.push(`${where}: request to another host: ${r.url()}`);
		});
		const started = Date.now();
		await page.goto(base + route, { waitUntil: 'networkidle', timeout: 120000 });
		// Every figure rendered (a digit in it), no chart or query still loading.
		await page.waitForFunction(() => {
			const figs = [...document.querySelectorAll('[data-figure]')];
			return figs.length > 0 && figs.every((f) => /[0-9]/.test(f.textContent));
		}, null, { timeout: 120000 });
		await page.waitForTimeout(1500); // charts finish their animation
		const errors = await page.evaluate(() =>
			[...document.querySelectorAll('[data-testid$="error" i], .error, [role=alert]')]
				.map((e) => e.textContent.trim()).filter((t) => /error/i.test(t)));
		for (const e of errors) problems.push(`${where}: error shown on the page: ${e.slice(0, 300)}`);
		const charts = await page.evaluate(() => document.querySelectorAll('.chart, [_echarts_instance_]').length);
		figures[route] = await page.evaluate(() => Object.fromEntries(
			[...document.querySelectorAll('[data-figure]')].map((f) => [f.dataset.figure, f.textContent.trim()])));
		figures[route]._charts = charts;
		figures[route]._seconds = (Date.now() - started) / 1000;
		const file = path.join(shots, (route.replace(/^\/|\/$/g, '') || 'index') + '.png');
		await page.screenshot({ path: file, fullPage: true });
		await page.close();
	}
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
