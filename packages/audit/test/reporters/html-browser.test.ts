import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import html from '../../src/reporters/html.js';
import { createSampleResult } from '../helpers/sample-result.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the HTML report browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it).`);
}

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let folder: string;
  let file: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'faultline-html-'));
    file = path.join(folder, 'report.html');
    writeFileSync(file, html(createSampleResult()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('renders the three charts offline, with bars that take up space on screen', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);

    for (const id of ['chart-by-rule', 'chart-by-risk', 'chart-by-directory']) {
      const chart = page.locator(`#${id}`);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(20);
      // Browser-side code is passed as text: this package is typed for Node.js, without DOM types.
      const bars = await page.evaluate<number[]>(`[...document.querySelectorAll('#${id} rect')].map((rect) => rect.getBoundingClientRect().width)`);
      expect(bars.length).toBeGreaterThan(0);
      expect(Math.min(...bars)).toBeGreaterThan(0);
      // A blank chart screenshots to one color; a drawn one has the risk colors in it.
      const png = await chart.screenshot();
      const colors = await page.evaluate<number>(`(async () => {
        const image = new Image();
        image.src = 'data:image/png;base64,${png.toString('base64')}';
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const seen = new Set();
        for (let index = 0; index < pixels.length; index += 4) seen.add((pixels[index] << 16) | (pixels[index + 1] << 8) | pixels[index + 2]);
        return seen.size;
      })()`);
      expect(colors).toBeGreaterThan(3);
    }
    expect(requests).toEqual([]);
    await context.close();
  });

  it('sorts the findings table by risk when the Risk header is clicked', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    const risks = (): Promise<string[]> =>
      page.evaluate<string[]>(`[...document.querySelectorAll('#findings tbody tr td:nth-child(3)')].map((cell) => cell.dataset.sort)`);
    await page.click('#findings th:nth-child(3)');
    expect(await risks()).toEqual(['0', '0', '1', '2']);
    await page.click('#findings th:nth-child(3)');
    expect(await risks()).toEqual(['2', '1', '0', '0']);
    await page.close();
  });
});
