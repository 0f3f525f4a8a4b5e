/**
 * Opens the HTML report of every example in Debian's Chromium (playwright-core,
 * never a downloaded browser): nodes, edges and findings are there, a failing
 * link is red, clicking a finding highlights its node, no request leaves the page.
 * Screenshots go to test-artifacts/. Skips with the reason when Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findConfigFile, lint, loadConfig } from '../../src';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from './chromium';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
const ARTIFACTS = path.join(REPO, 'test-artifacts');
const EXAMPLES = fs
  .readdirSync(path.join(REPO, 'examples'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The page's `window`, typed just enough (tsconfig has no DOM lib). */
type Styled = { getComputedStyle(element: unknown): { stroke: string } };

const RED = 'rgb(198, 40, 40)';
const HIGHLIGHT = 'rgb(21, 101, 192)';

const chromium = ensureChromium();
const run = chromium.ok && fs.existsSync(CLI) ? describe : describe.skip;
const skipReason = !chromium.ok
  ? chromium.reason
  : !fs.existsSync(CLI)
    ? `${CLI} is missing (run npm test, which builds first)`
    : '';
if (skipReason) console.warn(`browser test skipped: ${skipReason}`);

it('says why it skips when Chromium is missing and cannot be installed', () => {
  expect(ensureChromium({ CI: 'false' }, '/nonexistent/chromium')).toEqual({
    ok: false,
    reason: expect.stringContaining('/nonexistent/chromium is missing (install Debian') as unknown as string,
  });
});

run(`HTML report in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-browser-'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const { chromium: browserType } = await import('playwright-core');
    context = await browserType.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      timeout: 20_000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.each(EXAMPLES)('%s', async (example) => {
    const dir = path.join(work, example);
    const report = path.join(dir, 'report.html');
    const json = path.join(dir, 'report.json');
    const cli = spawnSync(
      process.execPath,
      [CLI, '--format', 'html', '-o', report, '--format', 'json', '-o', json, `examples/${example}`],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect([0, 1]).toContain(cli.status);
    const findings = (JSON.parse(fs.readFileSync(json, 'utf8')) as { findings: unknown[] }).findings;
    const model = lint({
      paths: [`examples/${example}`],
      cwd: REPO,
      config: loadConfig(findConfigFile(REPO), REPO),
    }).deployments;
    const components = model.reduce((n, d) => n + d.components.length, 0);
    const links = model.reduce(
      (n, d) =>
        n +
        d.links.filter(
          (l) => d.components.some((c) => c.id === l.client) && d.components.some((c) => c.id === l.server),
        ).length,
      0,
    );

    requests.length = 0;
    problems.length = 0;
    await page.goto(`file://${report}`);
    await page.waitForSelector('section.deployment');

    expect(await page.locator('svg.graph g.node').count()).toBe(components);
    expect(await page.locator('svg.graph g.edge').count()).toBe(links);
    expect(await page.locator('li.finding').count()).toBe(findings.length);
    expect(await page.locator('table.summary tbody tr').count()).toBe(model.length);

    const failing = page.locator('svg.graph g.edge.failure');
    if (example.endsWith('-fixed')) expect(await failing.count()).toBe(0);
    if (example.endsWith('-broken') && links > 0) {
      expect(await failing.count()).toBeGreaterThan(0);
      expect(
        await failing
          .first()
          .locator('path.line')
          .evaluate((p) => (globalThis as unknown as Styled).getComputedStyle(p).stroke),
      ).toBe(RED);
      expect(await failing.first().locator('title').textContent()).toMatch(/^fails/);
    }

    // Click the first finding that points at a node: the node (and only what it names) lights up.
    const finding = page.locator('li.finding[data-targets*="-n"]').first();
    if ((await finding.count()) > 0) {
      const targets = ((await finding.getAttribute('data-targets')) ?? '').split(' ');
      const nodeId = targets.find((t) => /-n\d+$/.test(t)) as string;
      await finding.click();
      const node = page.locator(`[id="${nodeId}"]`);
      expect(await node.getAttribute('class')).toMatch(/\bhl\b/);
      expect(
        await node.locator('rect').evaluate((r) => (globalThis as unknown as Styled).getComputedStyle(r).stroke),
      ).toBe(HIGHLIGHT);
      expect(await finding.getAttribute('class')).toMatch(/\bhl\b/);
      expect(await page.locator('svg.graph .hl').count()).toBe(targets.length);
      // And back: clicking the node highlights its findings.
      await node.click();
      expect(await finding.getAttribute('class')).toMatch(/\bhl\b/);
    }

    await page.screenshot({ path: path.join(ARTIFACTS, `html-report-${example}.png`) });
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
