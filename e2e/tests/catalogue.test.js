// A visitor searches the catalogue, filters by region, opens a service and
// switches language; every page passes axe-core in all seven languages, on a
// phone and a desktop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startLoket, launchBrowser, axeViolations } from './harness.js';

let loket;
let browser;
const shots = new URL('../test-results/', import.meta.url).pathname;

before(async () => {
  mkdirSync(shots, { recursive: true });
  loket = await startLoket();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
});

test('search, filter by region and open a service', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.getByLabel('Waar gaat uw vraag over?').fill('belasting');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/\/diensten\?q=belasting/);
  const first = page.locator('.result h3 a').first();
  assert.match(await first.innerText(), /Grensadvies/);
  assert.match(await page.locator('.result .org').first().innerText(), /Grensinfopunt|GrenzInfoPunkt/);

  // Filter by region: Belgian Limburg keeps the NL–BE border info point, drops the NL–DE one.
  await page.getByLabel('Gemeente of regio').selectOption('limburg-be');
  await page.getByRole('button', { name: 'Toon diensten' }).click();
  await page.waitForURL(/area=limburg-be/);
  const names = await page.locator('.result h3 a').allInnerTexts();
  assert.ok(names.some((n) => n.includes('Nederland–België')), names.join(' | '));
  assert.ok(!names.some((n) => n.includes('Nederland–Duitsland')), names.join(' | '));
  await page.screenshot({ path: `${shots}results-nl.png`, fullPage: true });

  const name = await page.locator('.result h3 a').first().innerText();
  await page.locator('.result h3 a').first().click();
  await page.waitForURL(/\/diensten\/[0-9a-f-]{36}/);
  assert.equal(await page.locator('h1').innerText(), name);
  assert.ok(await page.getByText('Nog niet gecontroleerd door de organisatie.').isVisible());
  await page.screenshot({ path: `${shots}service-nl.png`, fullPage: true });
  await context.close();
});

test('the language switch changes the page and the choice sticks', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/diensten?q=Steuer`);
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await page.waitForURL(/lang=de/);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.locator('h1').innerText(), 'Angebote suchen');
  assert.equal(await page.getByLabel('Suchbegriffe').inputValue(), 'Steuer', 'the search is kept');
  assert.match(await page.locator('.result .org').first().innerText(), /Grensinfopunt|GrenzInfoPunkt/);
  await page.getByRole('link', { name: 'Organisationen' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'de', 'the choice sticks on the next page');
  await page.screenshot({ path: `${shots}organisations-de.png`, fullPage: true });
  await context.close();
});

test('works without JavaScript and by keyboard', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  await page.locator('#q').focus();
  await page.keyboard.type('tax');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=tax/);
  assert.match(await page.locator('.count').innerText(), /diensten gevonden/);
  await context.close();
});

test('home, results, service and organisation pages have no axe violations in any language at either width', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${loket.base}/diensten?q=belasting`);
  const serviceHref = await page.locator('.result h3 a').first().getAttribute('href');
  await page.goto(`${loket.base}${serviceHref}`);
  const orgHref = await page.locator('.org a').getAttribute('href');
  const paths = ['/', '/diensten?q=belasting', '/diensten?topic=astrology', serviceHref, orgHref, '/organisaties', '/toegankelijkheid', '/privacy'];
  const failures = [];
  for (const lang of ['nl', 'en', 'de', 'fr', 'pl', 'ro', 'bg']) {
    for (const path of paths) {
      await page.goto(`${loket.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      for (const found of await axeViolations(page)) failures.push(`${lang} ${path} ${found}`);
    }
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${loket.base}/?lang=fr`);
  await page.screenshot({ path: `${shots}home-fr-mobile.png`, fullPage: true });
  await context.close();
  assert.deepEqual(failures, []);
});
