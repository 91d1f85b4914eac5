// Regions, as their people use them: Midden-Limburg's coordinator rewords a question
// and takes a service off Midden-Limburg's menu; South Limburg's front door stays as it
// was; a visitor in Roermond who fits nothing gets Werkcentrum Midden-Limburg; a visitor
// at Midden-Limburg's door who lives in Heerlen is offered South Limburg's door with the
// answers kept; the coordinator gets 403 on South Limburg's menu. axe-core on every page.
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

  assert.deepEqual(findings, []);
});
