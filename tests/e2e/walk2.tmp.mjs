import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
await page.goto('file:///tmp/walk/report.html');
await page.screenshot({ path: '/tmp/walk/6-report-top.png' });
await browser.close();
