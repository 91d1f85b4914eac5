// Results that funders can trust, in a real browser: the coordinator sets this year's target for
// client contacts (a negative one is refused next to its field); staff of the GrenzInfoPunkt
// register contacts at the desk; the funder opens the results, sees the chart with its table and
// the target, and downloads CSV, XLSX and PDF. The PDF renders (pdftoppm) and the numbers in the
// page and all three files equal a recount of the contacts in the database. axe-core checks every
// page at 390 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoket, launchBrowser, signInAs, axeViolations } from './harness.js';

let loket;
let browser;
const COORDINATOR = { email: 'coordinatie@loket.test', name: 'Regisseur', role: 'coordinator', password: 'regie van de grensregio 2026' };
const STAFF = { email: 'lena@gip.test', name: 'Lena Hoffmann', role: 'staff', organization: 'gip-aachen-eurode', password: 'grenzinfopunkt aachen 2026' };
const FUNDER = { email: 'f.vermeulen@gemeente.test', name: 'Financier', role: 'funder', password: 'geld voor de grensdiensten 2026' };
const YEAR = new Date().getFullYear();
const CONTACTS = 7;
const TARGET = 12;

before(async () => {
  loket = await startLoket();
  for (const user of [COORDINATOR, STAFF, FUNDER]) loket.createUser(user);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
});

/** axe at 390 and 1280 px (axeViolations checks both widths). */
async function axeAtBothWidths(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

async function signedIn(account) {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, loket.base, account);
  return page;
}

/** A funder sees aggregates only: password, no second factor, and the figures as home. */
async function funderSignedIn(account) {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${loket.base}/aanmelden?lang=en`);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/beheer\/cijfers/);
  return page;
}

/** Runs a command; its output as text. */
function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${command} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('the funder sees contacts against the target and every file holds the same numbers', async () => {
  // The coordinator sets this year's target; a negative one is refused first.
  const coordinator = await signedIn(COORDINATOR);
  await coordinator.goto(`${loket.base}/beheer/doelen?lang=en`);
  await axeAtBothWidths(coordinator, 'targets');
  await coordinator.getByLabel('Indicator').selectOption('contacts');
  await coordinator.getByLabel('For', { exact: true }).selectOption('network');
  await coordinator.getByLabel('Year').fill(String(YEAR));
  await coordinator.getByLabel('Target', { exact: true }).fill('-3');
  await coordinator.getByRole('button', { name: 'Save the target' }).click();
  await coordinator.locator('#value-error').waitFor();
  assert.match(await coordinator.locator('#value-error').innerText(), /cannot be negative/);
  await axeAtBothWidths(coordinator, 'targets with an error');
  await coordinator.getByLabel('Target', { exact: true }).fill(String(TARGET));
  await coordinator.getByRole('button', { name: 'Save the target' }).click();
  await coordinator.getByText('The target is saved.').waitFor();
  assert.match(await coordinator.locator('table').innerText(), new RegExp(`Client contacts\\s+Whole network\\s+${TARGET}`));

  // Staff register contacts at the desk.
  const staff = await signedIn(STAFF);
  for (let i = 0; i < CONTACTS; i += 1) {
    await staff.goto(`${loket.base}/beheer/contacten?lang=en`);
    await staff.getByLabel('Phone', { exact: true }).check();
    await staff.getByLabel('Answered', { exact: true }).check();
    await staff.getByRole('button', { name: 'Register the contact' }).click();
    await staff.getByText('The contact was registered.').waitFor();
  }

  // The recount: the contacts in the database this year.
  const recount = Number(run('python3', ['-c', `
import sqlite3, datetime
db = sqlite3.connect(${JSON.stringify(join(loket.dir, 'data', 'loket.db'))})
start = int(datetime.datetime(${YEAR}, 1, 1, tzinfo=datetime.timezone.utc).timestamp()) - 7200
end = int(datetime.datetime(${YEAR + 1}, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
print(db.execute('SELECT COUNT(*) FROM contacts WHERE at >= ? AND at < ?', (start, end)).fetchone()[0])
`]).trim());
  assert.equal(recount, CONTACTS);

  // The funder: results with the chart, its table and the target.
  const funder = await funderSignedIn(FUNDER);
  await funder.getByRole('link', { name: 'Results' }).first().click();
  await funder.waitForURL(/\/beheer\/resultaten/);
  const value = (await funder.locator('[data-indicator="contacts"]').innerText()).trim();
  assert.equal(Number(value), recount);
  const card = funder.locator('section', { has: funder.getByRole('heading', { name: 'Client contacts' }) });
  assert.match(await card.innerText(), new RegExp(`${Math.floor((recount * 100) / TARGET)} % of the target of ${TARGET} for ${YEAR}`));
  const chart = card.getByRole('img');
  assert.match(await chart.getAttribute('aria-labelledby'), /contacts-summary/);
  await card.getByText('Table of the chart').click();
  const month = new Date().toLocaleString('en-GB', { month: 'long' });
  assert.match(await card.locator('table').innerText(), new RegExp(`${month} ${YEAR}\\s+${recount}`));
  await axeAtBothWidths(funder, 'results');

  // The three files, downloaded as a person would.
  const dir = mkdtempSync(join(tmpdir(), 'loket-results-'));
  const save = async (name) => {
    const [download] = await Promise.all([
      funder.waitForEvent('download'),
      funder.getByRole('link', { name, exact: true }).click(),
    ]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return path;
  };
  const csv = readFileSync(await save('CSV (commas)'), 'utf8');
  const line = csv.split('\r\n').find((l) => l.startsWith('"contacts"'));
  assert.equal(line, `"contacts","Client contacts","count","${recount}","${TARGET}","0"`);

  const xlsx = await save('Excel (XLSX)');
  const sheet = run('python3', ['-c', `
import zipfile
print(zipfile.ZipFile(${JSON.stringify(xlsx)}).read('xl/worksheets/sheet2.xml').decode())
`]);
  assert.match(sheet, new RegExp(`<v>${recount}</v>`));
  assert.match(sheet, new RegExp(`<v>${TARGET}</v>`));

  const pdf = await save('PDF');
  run('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
  assert.ok(existsSync(join(dir, 'page-1.png')), 'the PDF renders');
  const text = run('pdftotext', ['-layout', pdf, '-']);
  const row = text.split('\n').find((l) => l.trim().startsWith('contacts '));
  assert.deepEqual(row.trim().split(/\s+/).slice(-3), [String(recount), String(TARGET), '0']);
});
