// Steps of the talent journey that more than one browser test walks: an employer registers and
// drafts a nurse's vacancy, a candidate registers, staff propose an introduction that the
// candidate accepts through the mailed link, and the employer records the hire. Each step takes a
// `check(where)` that the caller uses for its own checks (axe) at the pages the step passes.

/** Skills of a nurse in ESCO's words. */
export const NURSING = [
  'administer prescribed medication',
  'hygiene in a health care setting',
  'implement fundamentals of nursing',
  'apply nursing care in long-term care',
  'work in a multicultural environment in health care',
];

const none = async () => {};

/** A minimal, valid PDF. */
export function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

/** The employer's registration form, filled and sent. */
export async function registerEmployer(page, base, employer, check = none) {
  await page.goto(`${base}/werkgevers/aanmelden?lang=en`);
  await check('employer registration');
  await page.getByLabel('Organisation name').fill(employer.name);
  await page.getByLabel('KvK number').fill(employer.kvk);
  await page.getByLabel('Sector').selectOption('life-sciences-health');
  await page.getByLabel('Size').selectOption('large');
  await page.getByLabel('Municipality').selectOption(employer.municipality);
  await page.getByLabel('Your name').fill(employer.contact);
  await page.getByLabel('Your e-mail address').fill(employer.email);
  await page.getByLabel('Choose a password').fill(employer.password);
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('heading', { name: 'Registration received' }).waitFor();
  await check('employer registered');
}

/** Employers sign in with a password only. */
export async function signInEmployer(page, base, employer) {
  await page.goto(`${base}/aanmelden?next=/werkgever&lang=en`);
  await page.getByLabel('E-mail address').fill(employer.email);
  await page.getByLabel('Password').fill(employer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/werkgever/);
  await page.getByRole('heading', { name: 'Your vacancies' }).waitFor();
}

/** From the employer's home: a nurse's vacancy saved as a draft. */
export async function draftNurseVacancy(page, check = none) {
  await page.getByRole('link', { name: 'Post a vacancy' }).click();
  await check('vacancy form');
  await page.getByLabel('Dutch', { exact: true }).first().fill('Verpleegkundige');
  await page.getByLabel('English', { exact: true }).first().fill('Nurse');
  // Type-ahead: typing offers ESCO occupations (from /api/v1/esco/suggest).
  await page.getByLabel('Occupation', { exact: true }).pressSequentially('nurse resp', { delay: 30 });
  await page.locator('datalist option[value="nurse responsible for general care"]').waitFor({ state: 'attached' });
  await page.getByLabel('Occupation', { exact: true }).fill('nurse responsible for general care');
  await page.getByLabel('Essential skills').fill(NURSING.slice(0, 4).join('\n'));
  await page.getByLabel('Optional skills').fill('work in a multicultural environment in health care');
  await page.getByLabel('Education level').selectOption('6');
  await page.getByLabel('Language 1', { exact: true }).selectOption('nl');
  await page.getByLabel('Minimum level 1').selectOption('B1');
  await page.getByLabel('Language 2', { exact: true }).selectOption('de');
  await page.getByLabel('Minimum level 2').selectOption('B2');
  await page.getByLabel('Hours per week').fill('32');
  await page.getByLabel('Salary from').fill('3400');
  await page.getByLabel('Salary up to').fill('4600');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('heading', { name: 'Your vacancies' }).waitFor();
  await page.getByText('Draft', { exact: true }).waitFor();
}

/** Staff verify the employer; the employer then completes and publishes the draft. */
export async function verifyAndPublish(staff, employerPage, base, employer, check = none) {
  await staff.goto(`${base}/beheer/talent?lang=en`);
  await check('talent desk');
  await staff.getByRole('button', { name: `Verify – ${employer.name}` }).click();
  await staff.getByText('Verified by programme staff').first().waitFor();
  await employerPage.reload();
  await employerPage.getByRole('link', { name: /Complete and publish/ }).click();
  await check('vacancy edit form');
  await employerPage.getByRole('button', { name: 'Publish' }).click();
  await employerPage.getByRole('link', { name: 'Verpleegkundige' }).or(employerPage.getByRole('link', { name: 'Nurse' })).first().waitFor();
}

/** A candidate registers through the public form (in a context of their own). */
export async function registerCandidate(browser, base, c, check = none) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${base}/talent/aanmelden?lang=en`);
  await check(page, `candidate form (${c.name})`);
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
  await check(page, `candidate registered (${c.name})`);
  await context.close();
}

/** Staff open the vacancy's matches, waiting for the index to follow the change feed. */
export async function openMatches(staff, base) {
  await staff.goto(`${base}/beheer/talent?lang=en`);
  await staff.getByRole('link', { name: /Verpleegkundige|Nurse/ }).first().click();
  const first = staff.locator('li.match').first();
  for (let i = 0; i < 20 && !(await first.isVisible()); i += 1) {
    await staff.waitForTimeout(250); // the index follows the change feed (a quarter second)
    await staff.reload();
  }
  return first;
}

/** The employer moves an introduction to `introduced`, then to `hired` from `start`. */
export async function recordHire(employerPage, base, candidateName, start, check = none) {
  await employerPage.goto(`${base}/werkgever?lang=en`);
  await employerPage.getByRole('link', { name: candidateName }).click();
  await check('introduction (employer)');
  await employerPage.getByLabel('Next step').selectOption('introduced');
  await employerPage.getByRole('button', { name: 'Save' }).click();
  await employerPage.getByText('Saved.').waitFor();
  await employerPage.getByLabel('Next step').selectOption('hired');
  await employerPage.getByLabel('Start date (for a hire)').fill(start);
  await employerPage.getByRole('button', { name: 'Save' }).click();
  await employerPage.getByText('Saved.').waitFor();
}
