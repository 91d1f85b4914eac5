// The look, measured: on a phone the header stays compact on every page (public
// and staff), no table cell breaks a word in the middle at either width, and a
// deployment's own name and colour reach every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, signInAs, axeViolations } from './harness.js';

let loket;
let branded;
let browser;
const COORDINATOR = { email: 'roos@loket.test', name: 'Roos Regisseur-van den Broek', role: 'coordinator', password: 'regie over de voordeur 2026' };
const STAFF = { email: 'lena.hoffmann-schmitz@grenzinfopunkt.test', name: 'Lena Hoffmann-Schmitz', role: 'staff', organization: 'gip-aachen-eurode', password: 'grenzinformationen fuer pendler 2026' };
const ADMIN = { email: 'admin@loket.test', name: 'Platform Admin', role: 'platform-admin', password: 'beheer van de voordeur 2026' };

before(async () => {
  loket = await startLoket();
  for (const user of [COORDINATOR, STAFF, ADMIN]) loket.createUser(user);
  branded = await startLoket({ LOKET_NAME: 'Werkloket Noord-Limburg', LOKET_PRIMARY_COLOR: '#00684a' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
  await branded?.stop();
});

/** Words in table cells that a line break cuts anywhere but after a hyphen or slash. */
async function wordsBrokenInTables(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const cell of document.querySelectorAll('main th, main td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = /\S+/g;
        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
          let lastTop = null;
          for (let i = 0; i < m[0].length; i++) {
            const range = document.createRange();
            range.setStart(node, m.index + i);
            range.setEnd(node, m.index + i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0) continue;
            const top = Math.round(rect.top);
            if (lastTop !== null && top > lastTop + 2 && !'-/–'.includes(m[0][i - 1])) {
              broken.push(`${m[0]} (after "${m[0].slice(0, i)}")`);
              break;
            }
            lastTop = top;
          }
        }
      }
    }
    return broken;
  });
}

async function measure(page, url, where, findings) {
  await page.goto(url);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    if (width === 390) {
      const height = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().height);
      if (height > 120) findings.push(`${where}: header ${Math.round(height)} px tall at 390 px`);
    }
    for (const word of await wordsBrokenInTables(page)) findings.push(`${where} at ${width} px: ${word}`);
  }
}

test('public pages: a compact phone header in every language', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const findings = [];
  for (const lang of ['nl', 'en', 'de', 'fr', 'pl', 'ro', 'bg']) {
    for (const path of ['/', '/diensten?q=belasting', '/voordeur', '/organisaties', '/vacatures', '/privacy']) {
      await measure(page, `${loket.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, `${lang} ${path}`, findings);
    }
  }
  await context.close();
  assert.deepEqual(findings, []);
});

test('staff pages: a compact phone header with the staff menu, table cells that keep their words whole, and no axe findings in nl, en, de or fr', async () => {
  const findings = [];
  const pages = {
    [COORDINATOR.email]: ['/beheer', '/beheer/cijfers', '/beheer/verouderd', '/beheer/termen', '/coordinator/voordeur'],
    [STAFF.email]: ['/beheer', '/beheer/verwijzingen', '/beheer/contacten', '/account'],
    [ADMIN.email]: ['/beheer', '/beheer/accounts', '/beheer/logboek'],
  };
  for (const user of [COORDINATOR, STAFF, ADMIN]) {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signInAs(page, loket.base, user);
    await page.goto(`${loket.base}/beheer`);
    const menu = page.getByRole('navigation', { name: 'Work area menu' });
    assert.ok(await menu.getByRole('link', { name: 'My start page' }).isVisible(), `${user.email}: the staff menu leads home`);
    assert.ok(await menu.getByRole('link', { name: 'Public website' }).isVisible(), `${user.email}: and back to the public site`);
    for (const path of pages[user.email]) await measure(page, `${loket.base}${path}`, `${user.email} ${path}`, findings);
    // The staff pages pass axe-core in each language staff work in, at both widths.
    for (const lang of ['nl', 'en', 'de', 'fr']) {
      for (const path of pages[user.email]) {
        await page.goto(`${loket.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        for (const found of await axeViolations(page)) findings.push(`${user.email} ${lang} ${path} ${found}`);
      }
    }
    // On a phone the tables become labelled cards rather than squeezed columns.
    await page.goto(`${loket.base}/beheer`);
    await page.setViewportSize({ width: 390, height: 844 });
    const stacked = await page.locator('main table.stackable td[data-label]').count();
    if (user === COORDINATOR) assert.ok(stacked > 0, 'the table of services stacks on a phone');
    await context.close();
  }
  assert.deepEqual(findings, []);
});

test("a deployment's own name and colour, and a favicon", async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${branded.base}/diensten?q=belasting`);
  assert.equal(await page.locator('.brand a').innerText(), 'Werkloket Noord-Limburg');
  assert.match(await page.title(), /· Werkloket Noord-Limburg$/);
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
  assert.equal(background, 'rgb(0, 104, 74)');
  const icon = await page.locator('link[rel=icon]').getAttribute('href');
  const res = await page.request.get(`${branded.base}${icon}`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /image\/svg\+xml/);
  // The NL Design System's styles arrive from loket itself (no CDN).
  const nlds = await page.request.get(`${branded.base}/static/nl-design-system.css`);
  assert.match(await nlds.text(), /@license EUPL-1\.2/);
  await context.close();
});
