import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
// Teacher on the district data
const t = await (await browser.newContext({ baseURL: 'http://127.0.0.1:4401', viewport: { width: 1366, height: 768 } })).newPage();
await t.goto('/signin');
await t.getByLabel('Email').fill('teacher1@district.test');
await t.getByLabel('Password').fill('bench harbor lantern violet');
await t.getByRole('button', { name: /Sign in/ }).click();
await t.waitForURL(/teach/);
await t.screenshot({ path: '/tmp/shots/f-home.png' });
const A = 'h6botn2ub6qwqcn4qystqvxc';
await t.goto(`/teach/results/assignment/${A}/passage?claim=c06#breakdown`);
await t.screenshot({ path: '/tmp/shots/f-passage.png' });
await t.goto(`/teach/classes/64up524w66f5nmb5hnqdx422/assignments/${A}`);
await t.screenshot({ path: '/tmp/shots/f-assignment.png' });
// A student on a fresh kit, in Spanish, on a phone
const base = 'http://127.0.0.1:4404';
const api = await browser.newContext({ baseURL: base });
const a = await api.newPage();
await a.goto('/setup');
console.log(a.url());
await browser.close();
