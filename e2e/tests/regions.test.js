// Regions, as their people use them: Midden-Limburg's coordinator rewords a question
// and takes a service off Midden-Limburg's menu; South Limburg's front door stays as it
// was; a visitor in Roermond who fits nothing gets Werkcentrum Midden-Limburg; a visitor
// at Midden-Limburg's door who lives in Heerlen is offered South Limburg's door with the
// answers kept; the coordinator gets 403 on South Limburg's menu, gives her region a
// logo and reads her door's insight and her region's figures. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, signInAs, axeViolations } from './harness.js';

let loket;
let browser;
const ML_COORDINATOR = {
  email: 'mieke@werkcentrum-ml.test', name: 'Mieke Regisseur', role: 'coordinator',
  region: 'midden-limburg', password: 'de voordeur van midden-limburg 2026',
};
const WIN = 'Information point for labour migrants';
const REWORDED = 'Who are you? (Central Limburg)';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8" width="32" height="32"><circle cx="4" cy="4" r="4" fill="#ffffff"/></svg>';

before(async () => {
  loket = await startLoket();
  loket.createUser(ML_COORDINATOR);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
});

test('a region coordinator changes only her region, and visitors find the right door', async () => {
  const findings = [];
  const check = async (page, where) => {
    for (const v of await axeViolations(page)) findings.push(`${where}: ${v}`);
  };
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, loket.base, ML_COORDINATOR, undefined, (where) => check(staff, where));

  // Her menu leads to her region.
  await staff.goto(`${loket.base}/beheer?lang=en`);
  await staff.getByRole('link', { name: 'Regions' }).first().click();
  await check(staff, 'regions list');
  await staff.getByRole('link', { name: 'Central Limburg' }).click();
  await staff.getByRole('heading', { name: 'Central Limburg: menu and look' }).waitFor();
  await check(staff, 'region menu');

  // Reword the first question, in English.
  await staff.getByRole('link', { name: 'Word the front door’s questions' }).click();
  await staff.goto(`${loket.base}/beheer/regio/midden-limburg/voordeur?taal=en&lang=en`);
  await check(staff, 'region wording');
  await staff.locator('[name="q.who.text"]').fill(REWORDED);
  await staff.getByRole('button', { name: 'Save' }).click();
  await staff.getByText('Saved').first().waitFor();

  // Take the information point for labour migrants off the menu.
  await staff.goto(`${loket.base}/beheer/regio/midden-limburg?lang=en`);
  await staff.getByRole('button', { name: `Remove from the menu: ${WIN}` }).click();
  await staff.getByText('Saved. Every page of the region shows it within seconds.').waitFor();
  assert.equal(await staff.getByRole('button', { name: `Remove from the menu: ${WIN}` }).count(), 0);

  // South Limburg's menu is not hers.
  const refused = await staff.goto(`${loket.base}/beheer/regio/zuid-limburg?lang=en`);
  assert.equal(refused.status(), 403);
  await check(staff, '403 on another region');

  // Visitors.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${loket.base}/regio?lang=en`);
  await check(visitor, 'national entry');
  await visitor.getByLabel('Your postcode or municipality').fill('Roermond');
  await visitor.getByRole('button', { name: 'Find my region' }).click();
  await visitor.waitForURL(/\/regio\/midden-limburg\/voordeur/);
  await visitor.getByRole('heading', { name: REWORDED }).waitFor();
  await check(visitor, 'Midden-Limburg question');

  await visitor.goto(`${loket.base}/regio/zuid-limburg/voordeur?lang=en`);
  assert.equal(await visitor.getByText(REWORDED).count(), 0, 'South Limburg keeps its wording');
  await visitor.goto(`${loket.base}/regio/zuid-limburg?lang=en`);
  await visitor.getByRole('link', { name: WIN }).waitFor();
  await visitor.goto(`${loket.base}/regio/midden-limburg?lang=en`);
  await check(visitor, 'Midden-Limburg home');
  assert.equal(await visitor.getByRole('link', { name: WIN }).count(), 0, 'off Midden-Limburg’s menu');

  // Roermond, a question nothing on the menu answers: the region's work centre.
  await visitor.goto(`${loket.base}/regio/midden-limburg/voordeur/resultaat?who=worker&live=GM0957&work=GM0957&topic=housing&languages=nl&channel=&lang=en`);
  await visitor.locator('.fallback').waitFor();
  assert.match(await visitor.locator('.routed li').first().innerText(), /Werkcentrum Midden-Limburg/);
  await check(visitor, 'fallback result');

  // Heerlen at Midden-Limburg's door: offered South Limburg's, answers kept.
  await visitor.goto(`${loket.base}/regio/midden-limburg/voordeur/resultaat?who=job-seeker&live=GM0917&work=GM0917&topic=job-search&languages=nl&channel=&lang=en`);
  await check(visitor, 'hand-over');
  await visitor.getByRole('link', { name: 'Go on at the front door of South Limburg' }).click();
  await visitor.waitForURL(/\/regio\/zuid-limburg\/voordeur\/resultaat\?.*live=GM0917/);
  await visitor.locator('.answers').getByText('Heerlen').first().waitFor();
  assert.equal(await visitor.locator('.handover').count(), 0);
  await check(visitor, 'South Limburg result');

  // Her region's logo, in its pages' header.
  await staff.goto(`${loket.base}/beheer/regio/midden-limburg?lang=en`);
  await staff.getByLabel('New logo').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(LOGO) });
  await staff.getByRole('button', { name: 'Save the logo' }).click();
  await staff.getByText('Saved. Every page of the region shows it within seconds.').waitFor();
  await staff.getByRole('img', { name: 'The current logo' }).waitFor();
  await check(staff, 'region logo');
  await visitor.goto(`${loket.base}/regio/midden-limburg?lang=en`);
  const logo = visitor.locator('.brand img.logo');
  await logo.waitFor();
  assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loads');
  await check(visitor, 'Midden-Limburg home with its logo');

  // Her insight: the routings at her region's front door, none of South Limburg's.
  await staff.goto(`${loket.base}/beheer?lang=en`);
  await staff.getByRole('link', { name: 'Front-door insight' }).first().click();
  await staff.getByRole('heading', { name: /Central Limburg/ }).waitFor();
  const routed = staff.locator('a[href^="/regio/midden-limburg/voordeur/resultaat"]');
  assert.ok(await routed.count() > 0, 'her door\'s routings are listed');
  assert.equal(await staff.locator('a[href^="/regio/zuid-limburg/voordeur/resultaat"]').count(), 0);
  await check(staff, 'region insight');

  // Her figures: her region's, by default.
  await staff.goto(`${loket.base}/beheer/cijfers?lang=en`);
  await staff.getByRole('heading', { name: /Region Central Limburg/ }).waitFor();
  await check(staff, 'region figures');

  assert.deepEqual(findings, []);
});
