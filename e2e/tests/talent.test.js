// Welcome to Maastricht Region in a real browser: an employer in Heerlen registers, drafts a
// nurse vacancy and, once programme staff verified it, publishes it (Dutch B1, German B2, no permit
// sponsorship); a German, a Belgian and an Indian nurse register; programme staff see the
// German nurse first with the reasons, and the Indian nurse filtered out because the employer
// is not a recognised sponsor; staff propose an introduction; the candidate consents through
// the e-mailed link; the employer sees the profile and records the hire; the placement counts
// in the figures. axe-core checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, startSmtpSink, signInAs, axeViolations } from './harness.js';

let loket;
let browser;
let sink;
const STAFF = { email: 'sanne@wtmr.test', name: 'Sanne Janssen', role: 'staff', organization: 'wtmr', password: 'welkom in de regio maastricht' };
const EMPLOYER = { email: 'hr@zorgheerlen.test', password: 'verpleging in parkstad heerlen' };

before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ LOKET_SMTP_URL: sink.url });
  loket.createUser(STAFF);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
  sink?.close();
});

async function axe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

/** A minimal, valid PDF. */
function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

async function registerCandidate(c) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/talent/aanmelden?lang=en`);
  await axe(page, `candidate form (${c.name})`);
  await page.getByLabel('Name', { exact: true }).fill(c.name);
  await page.getByLabel('E-mail address').fill(c.email);
  await page.getByLabel('Country where you live').selectOption(c.country);
  if (c.municipality) await page.getByLabel('Municipality in the region').selectOption(c.municipality);
  await page.getByLabel(c.eu ? 'EU, EEA or Swiss nationality' : 'Another nationality').check();
  await page.getByLabel('30 or older').check();
  await page.getByLabel('Occupations', { exact: true }).fill('nurse responsible for general care');
  await page.getByLabel('Skills', { exact: true }).fill(c.skills.join('\n'));
  await page.getByLabel('Years of experience').fill(String(c.years));
  await page.getByLabel('Highest education level').selectOption('6');
  for (const [i, [language, level]] of c.languages.entries()) {
    await page.getByLabel(`Language ${i + 1}`, { exact: true }).selectOption(language);
    await page.getByLabel(`Level ${i + 1}`, { exact: true }).selectOption(level);
  }
  await page.getByLabel('How far will you travel to work (km)?').fill(String(c.commute));
  if (c.relocate) await page.getByLabel('I am willing to move for a job').check();
  await page.getByLabel('CV', { exact: true }).setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf(c.name) });
  await page.getByLabel('I agree to this use of my details').check();
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('heading', { name: 'Thank you for registering' }).waitFor();
  await axe(page, `candidate registered (${c.name})`);
  await context.close();
}

const NURSING = [
  'administer prescribed medication',
  'hygiene in a health care setting',
  'implement fundamentals of nursing',
  'apply nursing care in long-term care',
  'work in a multicultural environment in health care',
];

test('an employer in Heerlen finds a German nurse, and the hire counts as a placement', async () => {
  // The employer registers.
  const employerContext = await browser.newContext({ locale: 'en-GB' });
  const employer = await employerContext.newPage();
  await employer.goto(`${loket.base}/werkgevers/aanmelden?lang=en`);
  await axe(employer, 'employer registration');
  await employer.getByLabel('Organisation name').fill('Zorggroep Heerlen');
  await employer.getByLabel('KvK number').fill('1400 5678');
  await employer.getByLabel('Sector').selectOption('life-sciences-health');
  await employer.getByLabel('Size').selectOption('large');
  await employer.getByLabel('Municipality').selectOption('GM0917');
  await employer.getByLabel('Your name').fill('Petra Willems');
  await employer.getByLabel('Your e-mail address').fill(EMPLOYER.email);
  await employer.getByLabel('Choose a password').fill(EMPLOYER.password);
  await employer.getByRole('button', { name: 'Register' }).click();
  await employer.getByRole('heading', { name: 'Registration received' }).waitFor();
  await axe(employer, 'employer registered');

  // The employer signs in (no second factor for employers) and drafts the vacancy
  // before verification: publishing has to wait, the draft does not.
  await employer.goto(`${loket.base}/aanmelden?next=/werkgever&lang=en`);
  await employer.getByLabel('E-mail address').fill(EMPLOYER.email);
  await employer.getByLabel('Password').fill(EMPLOYER.password);
  await employer.getByRole('button', { name: 'Sign in' }).click();
  await employer.waitForURL(/\/werkgever/);
  await employer.getByRole('heading', { name: 'Your vacancies' }).waitFor();
  await axe(employer, 'employer home');
  await employer.getByRole('link', { name: 'Post a vacancy' }).click();
  await axe(employer, 'vacancy form');
  await employer.getByLabel('Dutch', { exact: true }).first().fill('Verpleegkundige');
  await employer.getByLabel('English', { exact: true }).first().fill('Nurse');
  // Type-ahead: typing offers ESCO occupations (from /api/v1/esco/suggest).
  await employer.getByLabel('Occupation', { exact: true }).pressSequentially('nurse resp', { delay: 30 });
  await employer.locator('datalist option[value="nurse responsible for general care"]').waitFor({ state: 'attached' });
  await employer.getByLabel('Occupation', { exact: true }).fill('nurse responsible for general care');
  await employer.getByLabel('Essential skills').fill(NURSING.slice(0, 4).join('\n'));
  await employer.getByLabel('Optional skills').fill('work in a multicultural environment in health care');
  await employer.getByLabel('Education level').selectOption('6');
  await employer.getByLabel('Language 1', { exact: true }).selectOption('nl');
  await employer.getByLabel('Minimum level 1').selectOption('B1');
  await employer.getByLabel('Language 2', { exact: true }).selectOption('de');
  await employer.getByLabel('Minimum level 2').selectOption('B2');
  await employer.getByLabel('Hours per week').fill('32');
  await employer.getByLabel('Salary from').fill('3400');
  await employer.getByLabel('Salary up to').fill('4600');
  await employer.getByRole('button', { name: 'Save as draft' }).click();
  await employer.getByRole('heading', { name: 'Your vacancies' }).waitFor();
  await employer.getByText('Draft', { exact: true }).waitFor();

  // Programme staff verify it (it is not a recognised sponsor).
  const staff = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signInAs(staff, loket.base, STAFF, undefined, (where) => axe(staff, `staff ${where}`));
  await staff.goto(`${loket.base}/beheer/talent?lang=en`);
  await axe(staff, 'talent desk');
  await staff.getByRole('button', { name: 'Verify – Zorggroep Heerlen' }).click();
  await staff.getByText('Verified by programme staff').first().waitFor();

  // After verification the employer completes the draft and publishes it.
  await employer.reload();
  await employer.getByRole('link', { name: /Complete and publish/ }).click();
  await axe(employer, 'vacancy edit form');
  assert.equal(await employer.getByLabel('Dutch', { exact: true }).first().inputValue(), 'Verpleegkundige', 'the draft is filled in');
  await employer.getByRole('button', { name: 'Publish' }).click();
  await employer.getByRole('link', { name: 'Verpleegkundige' }).or(employer.getByRole('link', { name: 'Nurse' })).first().waitFor();

  // The vacancy is public.
  const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await visitor.goto(`${loket.base}/vacatures?lang=de`);
  await axe(visitor, 'vacancies (de)');
  await visitor.getByRole('link', { name: 'Verpleegkundige' }).click();
  await visitor.getByText('Der Arbeitgeber beantragt keine Arbeitserlaubnis').waitFor();
  await axe(visitor, 'vacancy page (de)');

  // Three nurses register.
  await registerCandidate({ name: 'Lena Schmitz', email: 'lena@example.de', country: 'DE', municipality: 'DE05334002', eu: true,
    skills: NURSING, years: 6, languages: [['de', 'C2'], ['nl', 'B2']], commute: 40 });
  await registerCandidate({ name: 'Sofie Peeters', email: 'sofie@example.be', country: 'BE', municipality: 'BE71016', eu: true,
    skills: NURSING.slice(0, 3), years: 2, languages: [['nl', 'C2'], ['de', 'B2'], ['fr', 'B1']], commute: 40 });
  await registerCandidate({ name: 'Priya Nair', email: 'priya@example.in', country: 'IN', municipality: '', eu: false,
    skills: NURSING, years: 8, languages: [['en', 'C2'], ['nl', 'B1'], ['de', 'B2']], commute: 0, relocate: true });

  // Staff see the matches: the German nurse first, with reasons; the Indian nurse filtered out.
  await staff.goto(`${loket.base}/beheer/talent?lang=en`);
  await staff.getByRole('link', { name: /Verpleegkundige|Nurse/ }).first().click();
  const first = staff.locator('li.match').first();
  for (let i = 0; i < 20 && !(await first.isVisible()); i += 1) {
    await staff.waitForTimeout(250); // the index follows the change feed (a quarter second)
    await staff.reload();
  }
  await axe(staff, 'matches');
  assert.match(await first.innerText(), /Lena Schmitz/);
  assert.match(await first.innerText(), /Essential skills \(40\.0\/40\): has 4 of 4/);
  assert.match(await first.innerText(), /May work: EU free movement/);
  assert.match(await staff.locator('li.match').nth(1).innerText(), /Sofie Peeters/);
  const filtered = await staff.locator('ul.excluded').innerText();
  assert.match(filtered, /Priya Nair/);
  assert.match(filtered, /employer is not a recognised sponsor/);
  assert.doesNotMatch(await staff.locator('ol.matches').innerText(), /Priya Nair/);

  // Staff propose the introduction; Lena gets the consent link.
  await first.getByRole('button', { name: 'Propose introduction – Lena Schmitz' }).click();
  await staff.getByText('The introduction is proposed').waitFor();
  const link = await sink.linkTo('lena@example.de');
  assert.match(link, /\/introductie\//);

  // Before consent, the employer sees no name.
  await employer.goto(`${loket.base}/werkgever?lang=en`);
  assert.doesNotMatch(await employer.locator('main').innerText(), /Lena Schmitz/);
  await employer.getByText('A candidate (waiting for their consent)').waitFor();

  // Lena opens the link (the mail is in Dutch, a language she speaks) and reads it in German.
  const candidate = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await candidate.goto(link.replace('lang=nl', 'lang=de'));
  await axe(candidate, 'consent (de)');
  await candidate.getByText('Zorggroep Heerlen').waitFor();
  await candidate.getByRole('button', { name: 'Ja, stellen Sie mich vor' }).click();
  await candidate.getByText('Der Arbeitgeber sieht jetzt Ihr Profil').waitFor();
  await axe(candidate, 'consent given (de)');

  // The employer sees the profile and records the hire.
  await employer.goto(`${loket.base}/werkgever?lang=en`);
  await employer.getByRole('link', { name: 'Lena Schmitz' }).click();
  await employer.getByText('lena@example.de').waitFor();
  await axe(employer, 'introduction (employer)');
  await employer.getByLabel('Next step').selectOption('introduced');
  await employer.getByRole('button', { name: 'Save' }).click();
  await employer.getByText('Saved.').waitFor();
  await employer.getByLabel('Next step').selectOption('hired');
  await employer.getByLabel('Start date (for a hire)').fill('2027-02-01');
  await employer.getByRole('button', { name: 'Save' }).click();
  await employer.getByText('Saved.').waitFor();
  assert.match(await employer.locator('main').innerText(), /Status: Hired/);

  // The placement counts in the figures.
  await staff.goto(`${loket.base}/beheer/plaatsingen?jaar=2027&lang=en`);
  await axe(staff, 'placements');
  assert.equal((await staff.locator('#placements-effective').innerText()).trim(), '1');
  assert.match(await staff.locator('main').innerText(), /nurse responsible for general care/);
});
