import { chromium } from '@playwright/test';
const [url, out, w = '1366', h = '900', full = '0', js = '1'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, javaScriptEnabled: js === '1' });
await page.goto(url);
if (process.env.CLICK) { await page.locator(process.env.CLICK).first().click(); await page.waitForTimeout(300); }
await page.screenshot({ path: out, fullPage: full === '1' });
await browser.close();
