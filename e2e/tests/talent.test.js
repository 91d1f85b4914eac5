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
import {
  NURSING, registerEmployer, signInEmployer, draftNurseVacancy, verifyAndPublish, registerCandidate as register, openMatches, recordHire,
} from './talent-steps.js';

let loket;
let browser;
let sink;
const STAFF = { email: 'sanne@wtmr.test', name: 'Sanne Janssen', role: 'staff', organization: 'wtmr', password: 'welkom in de regio maastricht' };
const EMPLOYER = {
  name: 'Zorggroep Heerlen', kvk: '1400 5678', municipality: 'GM0917', contact: 'Petra Willems',
  email: 'hr@zorgheerlen.test', password: 'verpleging in parkstad heerlen',
};

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

/** A candidate registers; axe on each page of the form. */
const registerCandidate = (c) => register(browser, loket.base, c, (page, where) => axe(page, where));

test('an employer in Heerlen finds a German nurse, and the hire counts as a placement', async () => {
  // The employer registers.
  const employerContext = await browser.newContext({ locale: 'en-GB' });
  const employer = await employerContext.newPage();
  await registerEmployer(employer, loket.base, EMPLOYER, (where) => axe(employer, where));

  // The employer signs in (no second factor for employers) and drafts the vacancy
  // before verification: publishing has to wait, the draft does not.
  await signInEmployer(employer, loket.base, EMPLOYER);
  await axe(employer, 'employer home');
  await draftNurseVacancy(employer, (where) => axe(employer, where));

  // Programme staff verify it (it is not a recognised sponsor); the employer completes the
  // draft and publishes it.
  const staff = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signInAs(staff, loket.base, STAFF, undefined, (where) => axe(staff, `staff ${where}`));
  await verifyAndPublish(staff, employer, loket.base, EMPLOYER, async (where) => {
    const page = where === 'talent desk' ? staff : employer;
    await axe(page, where);
    if (where === 'vacancy edit form') {
      assert.equal(await employer.getByLabel('Dutch', { exact: true }).first().inputValue(), 'Verpleegkundige', 'the draft is filled in');
    }
  });

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
  const first = await openMatches(staff, loket.base);
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
  await recordHire(employer, loket.base, 'Lena Schmitz', '2027-02-01', async (where) => {
    await employer.getByText('lena@example.de').waitFor();
    await axe(employer, where);
  });
  assert.match(await employer.locator('main').innerText(), /Status: Hired/);

  // The placement counts in the figures.
  await staff.goto(`${loket.base}/beheer/plaatsingen?jaar=2027&lang=en`);
  await axe(staff, 'placements');
  assert.equal((await staff.locator('#placements-effective').innerText()).trim(), '1');
  assert.match(await staff.locator('main').innerText(), /nurse responsible for general care/);
});
