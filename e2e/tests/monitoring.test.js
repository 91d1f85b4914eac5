// Results that funders can trust, in a real browser: the coordinator sets this year's target for
// client contacts (a negative one is refused next to its field); staff of the GrenzInfoPunkt
// register contacts at the desk and refer five people to the SVB, which takes them up; an
// employer hires a nurse that Welcome to Maastricht Region introduced; the funder opens the
// results, sees the chart with its table and the target, and downloads CSV, XLSX and PDF. The PDF
// renders (pdftoppm) and the numbers in the page and all three files equal a recount of the
// contacts, referrals and placements in the database; the single placement is hidden from the
// funder everywhere (under the threshold of 5) and shown to the coordinator. axe-core checks every
// page at 390 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoket, launchBrowser, startSmtpSink, signInAs, axeViolations, sendReferral } from './harness.js';
import {
  NURSING, registerEmployer, signInEmployer, draftNurseVacancy, verifyAndPublish, registerCandidate, openMatches, recordHire,
} from './talent-steps.js';

let loket;
let browser;
let sink;
const COORDINATOR = { email: 'coordinatie@loket.test', name: 'Regisseur', role: 'coordinator', password: 'regie van de grensregio 2026' };
const STAFF = { email: 'lena@gip.test', name: 'Lena Hoffmann', role: 'staff', organization: 'gip-aachen-eurode', password: 'grenzinfopunkt aachen 2026' };
const SVB = { email: 'kees@svb.test', name: 'Kees de Vries', role: 'staff', organization: 'svb', password: 'sociale verzekering bank 2026' };
const WTMR = { email: 'sanne@wtmr.test', name: 'Sanne Janssen', role: 'staff', organization: 'wtmr', password: 'welkom in de regio maastricht' };
const EMPLOYER = {
  name: 'Zorggroep Parkstad', kvk: '1400 9876', municipality: 'GM0917', contact: 'Mia Claessens',
  email: 'hr@zorgparkstad.test', password: 'verpleging in parkstad 2026',
};
const FUNDER = { email: 'f.vermeulen@gemeente.test', name: 'Financier', role: 'funder', password: 'geld voor de grensdiensten 2026' };
const YEAR = new Date().getFullYear();
const CONTACTS = 7;
const TARGET = 12;
const REFERRALS = 5;

before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ LOKET_SMTP_URL: sink.url });
  for (const user of [COORDINATOR, STAFF, SVB, WTMR, FUNDER]) loket.createUser(user);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
  sink?.close();
});

/** axe at 390 and 1280 px (axeViolations checks both widths). */
async function axeAtBothWidths(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

/** Second-factor secrets of those who enrolled, for their next sign-in. */
const secrets = {};

async function signedIn(account) {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  secrets[account.email] = await signInAs(page, loket.base, account, secrets[account.email]);
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

  // Staff refer five people to the SVB, which takes each one up.
  const svb = await signedIn(SVB);
  for (let i = 0; i < REFERRALS; i += 1) {
    await staff.goto(`${loket.base}/beheer/verwijzingen/nieuw?lang=en`);
    await staff.getByLabel('Name', { exact: true }).fill(`Person ${i + 1}`);
    await staff.getByLabel('Phone or e-mail').fill(`+49 241 55500${i}`);
    const url = await sendReferral(staff, {
      organisation: 'Sociale Verzekeringsbank',
      note: 'Which country pays child benefit?',
      purpose: 'Child benefit across the border',
    });
    await svb.goto(`${url}?lang=en`);
    await svb.getByRole('button', { name: 'Accept', exact: true }).click();
    await svb.getByText('The status was updated.').waitFor();
  }

  // Welcome to Maastricht Region introduces a nurse; the employer hires her from today.
  const employer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await registerEmployer(employer, loket.base, EMPLOYER);
  await signInEmployer(employer, loket.base, EMPLOYER);
  await draftNurseVacancy(employer);
  const wtmr = await signedIn(WTMR);
  await verifyAndPublish(wtmr, employer, loket.base, EMPLOYER);
  await registerCandidate(browser, loket.base, { name: 'Lena Schmitz', email: 'lena@example.de', country: 'DE',
    municipality: 'DE05334002', eu: true, skills: NURSING, years: 6, languages: [['de', 'C2'], ['nl', 'B2']], commute: 40 });
  const match = await openMatches(wtmr, loket.base);
  await match.getByRole('button', { name: 'Propose introduction – Lena Schmitz' }).click();
  await wtmr.getByText('The introduction is proposed').waitFor();
  const candidate = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await candidate.goto((await sink.linkTo('lena@example.de')).replace('lang=nl', 'lang=en'));
  await candidate.getByRole('button', { name: 'Yes, introduce me' }).click();
  await candidate.getByText('The employer can now see your profile').waitFor();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  await recordHire(employer, loket.base, 'Lena Schmitz', today);

  // The recount: this year's contacts, referrals made and taken up, and placements in the database.
  const [recount, made, takenUp, placements] = run('python3', ['-c', `
import sqlite3, datetime
db = sqlite3.connect(${JSON.stringify(join(loket.dir, 'data', 'loket.db'))})
start = int(datetime.datetime(${YEAR}, 1, 1, tzinfo=datetime.timezone.utc).timestamp()) - 7200
end = int(datetime.datetime(${YEAR + 1}, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
count = lambda sql, *args: db.execute(sql, args).fetchone()[0]
print(count('SELECT COUNT(*) FROM contacts WHERE at >= ? AND at < ?', start, end))
print(count('SELECT COUNT(*) FROM referrals WHERE sender_org IS NOT NULL AND created_at >= ? AND created_at < ?', start, end))
print(count("SELECT COUNT(*) FROM referrals WHERE status IN ('accepted', 'in-progress', 'on-hold', 'completed', 'failed') AND created_at >= ? AND created_at < ?", start, end))
print(count('SELECT COUNT(*) FROM placements WHERE year = ?', ${YEAR}))
`]).trim().split('\n').map(Number);
  assert.deepEqual([recount, made, takenUp, placements], [CONTACTS, REFERRALS, REFERRALS, 1]);

  // The funder: results with the chart, its table and the target.
  const funder = await funderSignedIn(FUNDER);
  await funder.getByRole('link', { name: 'Results' }).first().click();
  await funder.waitForURL(/\/beheer\/resultaten/);
  const shown = async (code) => (await funder.locator(`[data-indicator="${code}"]`).innerText()).trim();
  assert.equal(Number(await shown('contacts')), recount);
  assert.equal(Number(await shown('referrals-made')), made);
  assert.equal(Number(await shown('referrals-taken-up')), takenUp);
  assert.equal(await shown('placements'), 'hidden', 'one placement is under the threshold');
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
  const csvLine = (code) => csv.split('\r\n').find((l) => l.startsWith(`"${code}"`)).split(',')[3];
  assert.equal(csv.split('\r\n').find((l) => l.startsWith('"contacts"')), `"contacts","Client contacts","count","${recount}","${TARGET}","0"`);
  assert.deepEqual(['referrals-made', 'referrals-taken-up', 'placements'].map(csvLine), [`"${made}"`, `"${takenUp}"`, '"hidden"']);

  const xlsx = await save('Excel (XLSX)');
  const sheet = run('python3', ['-c', `
import zipfile
print(zipfile.ZipFile(${JSON.stringify(xlsx)}).read('xl/worksheets/sheet2.xml').decode())
`]);
  assert.match(sheet, new RegExp(`<v>${recount}</v>`));
  assert.match(sheet, new RegExp(`<v>${TARGET}</v>`));
  assert.match(sheet, new RegExp(`<v>${made}</v>`));

  const pdf = await save('PDF');
  run('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
  assert.ok(existsSync(join(dir, 'page-1.png')), 'the PDF renders');
  const text = run('pdftotext', ['-layout', pdf, '-']);
  const row = (code) => text.split('\n').find((l) => l.trim().startsWith(`${code} `)).trim().split(/\s+/);
  assert.deepEqual(row('contacts').slice(-3), [String(recount), String(TARGET), '0']);
  assert.deepEqual([row('referrals-made'), row('referrals-taken-up'), row('placements')].map((r) => r.at(-2)), [String(made), String(takenUp), 'hidden']);

  // The quarterly report by e-mail: subscribing says when the first mail comes.
  await funder.getByRole('button', { name: 'Send me the quarterly report' }).click();
  await funder.waitForURL(/abonnement=aan/);
  assert.match(await funder.getByRole('status').innerText(), /The first e-mail comes after this quarter ends/);
  assert.equal(await funder.getByRole('button', { name: 'Stop the quarterly report' }).count(), 1);
  await axeAtBothWidths(funder, 'results after subscribing');
  // A link of no subscription says so, without signing in.
  const strangers = await browser.newContext({ locale: 'en-GB' });
  const stranger = await strangers.newPage();
  const gone = await stranger.goto(`${loket.base}/abonnement/no-such-link?lang=en`);
  assert.equal(gone.status(), 404);
  assert.match(await stranger.getByRole('status').innerText(), /belongs to no subscription/);
  await axeAtBothWidths(stranger, 'unsubscribe link');
  await strangers.close();

  // The coordinator sees every number, the single placement too.
  await coordinator.goto(`${loket.base}/beheer/resultaten?lang=en`);
  assert.equal(Number((await coordinator.locator('[data-indicator="placements"]').innerText()).trim()), placements);
});

test('the coordinator splits a maximum, marks a condition met and links the funder, who sees what it funds', async () => {
  const coordinator = await signedIn(COORDINATOR);
  await coordinator.goto(`${loket.base}/beheer/financiering?lang=en`);
  // An amount with three decimals is refused next to its field; nothing is stored.
  await coordinator.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Welcome to Maastricht Region' });
  await coordinator.getByLabel('Year', { exact: true }).selectOption('2026');
  await coordinator.getByLabel('Maximum for this organisation (euro)').fill('250.000,125');
  await coordinator.getByRole('button', { name: 'Save the share' }).click();
  assert.match(await coordinator.locator('#amount-error').innerText(), /at most two decimals/);
  await axeAtBothWidths(coordinator, 'funding with an error');
  await coordinator.getByLabel('Maximum for this organisation (euro)').fill('250.000');
  await coordinator.getByRole('button', { name: 'Save the share' }).click();
  await coordinator.waitForURL(/opgeslagen=1/);
  const split = coordinator.locator('table', { has: coordinator.locator('caption', { hasText: 'Maximum per organisation per year' }) });
  assert.match(await split.innerText(), /€ 250\.000,00 of € 1\.200\.000,00/);

  await coordinator.getByLabel('Condition', { exact: true }).selectOption({ index: 0 });
  await coordinator.getByLabel('Status', { exact: true }).selectOption('met');
  await coordinator.getByLabel('On', { exact: true }).fill('2026-02-12');
  await coordinator.getByRole('button', { name: 'Save the status' }).click();
  await coordinator.waitForURL(/opgeslagen=1/);
  assert.match(await coordinator.locator('.condition-state').first().innerText(), /Met on 12 February 2026 \(recorded by Regisseur\)/);

  await coordinator.getByLabel('Funder account').selectOption({ label: `${FUNDER.name} (${FUNDER.email})` });
  await coordinator.getByLabel('Funder', { exact: true }).selectOption({ label: 'Stichting Economische Samenwerking Zuid-Limburg (ESZL)' });
  await coordinator.getByRole('button', { name: 'Link the account' }).click();
  await coordinator.waitForURL(/opgeslagen=1/);
  await axeAtBothWidths(coordinator, 'funding');

  const funder = await funderSignedIn(FUNDER);
  await funder.goto(`${loket.base}/beheer/financiering?lang=en`);
  const mine = funder.locator('section', { has: funder.getByRole('heading', { name: /What Stichting Economische Samenwerking Zuid-Limburg \(ESZL\) funds/ }) });
  await mine.getByRole('link', { name: 'Welcome to Maastricht Region', exact: true }).click();
  await funder.waitForURL(/\/beheer\/resultaten\?org=/);
  assert.match(await funder.locator('h1').innerText(), /Welcome to Maastricht Region/);
  await funder.goto(`${loket.base}/beheer/financiering?lang=en`);
  assert.equal(await funder.getByRole('button', { name: 'Save the share' }).count(), 0, 'a funder records nothing');
  await axeAtBothWidths(funder, 'funding as the funder');

  // The labour market from loket's own records: the nurse of the first test is counted by occupation.
  await funder.getByRole('link', { name: 'Labour market' }).click();
  await funder.waitForURL(/\/beheer\/arbeidsmarkt/);
  assert.match(await funder.locator('main').innerText(), /nurse responsible for general care/);
  assert.match(await funder.locator('#legend').innerText(), /not shown, so that nobody can be recognised/);
  await axeAtBothWidths(funder, 'labour market');
});
