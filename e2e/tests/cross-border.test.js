// The cross-border explainer in a real browser: a Dutch resident working in Aachen with 40
// home-office days in 2026 answers one question a page, gets the answers with their articles,
// and asks the GrenzInfoPunkt to call back with the situation attached. axe-core checks the
// questions and the answer page in every offered language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, axeViolations } from './harness.js';

let loket;
let browser;

before(async () => {
  loket = await startLoket();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
});

const NEXT = { en: 'Next' };

/** One question a page: a radio by its label, or a number. */
async function answerQuestion(page, { choose, fill }) {
  if (choose) await page.getByLabel(choose, { exact: true }).check();
  if (fill !== undefined) await page.getByRole('textbox').fill(String(fill));
  await page.getByRole('button', { name: NEXT.en }).click();
}

test('a Dutch resident working in Aachen gets the answers with their articles and asks the GIP to call back', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  // From any public page: the menu leads there.
  await page.goto(`${loket.base}/?lang=en`);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Across the border' }).click();
  await page.waitForURL(/\/grensverkenner/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the first question');
  await answerQuestion(page, { choose: 'the Netherlands' });
  await answerQuestion(page, { choose: 'Germany' });
  await answerQuestion(page, { choose: 'As an employee' });
  // A share over 100 % is refused next to the question.
  await page.getByRole('textbox').fill('120');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Enter a number from 0').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on a question with its error');
  await answerQuestion(page, { fill: 20 });
  await answerQuestion(page, { fill: 20 });
  await answerQuestion(page, { fill: 40 });
  await answerQuestion(page, { choose: 'No children, or not relevant' });
  await answerQuestion(page, { choose: 'No' });
  await page.waitForURL(/\/grensverkenner\/antwoord/);
  const main = await page.locator('main').innerText();
  assert.match(main, /You are covered by the social security of Germany\./);
  assert.match(main, /Each working day is taxed where you worked it: days in Germany by Germany, days at home by the Netherlands\./);
  assert.match(main, /With fewer than 35 days outside Germany this year: Wage tax – Germany taxes your whole wage\./);
  assert.equal(await page.getByRole('link', { name: 'NL–DE Art. 14(1a)' }).count(), 1);
  assert.match(await page.getByRole('link', { name: 'NL–DE Art. 14(1a)' }).getAttribute('href'), /^https:\/\//);
  assert.deepEqual(await axeViolations(page), [], 'axe on the answer page');

  await page.getByRole('link', { name: /Ask GrenzInfoPunkt Aachen-Eurode to call you back/ }).click();
  await page.waitForURL(/\/terugbellen/);
  assert.match(await page.getByLabel('Your question').inputValue(), /You live in the Netherlands and work in Germany/);
  await page.getByLabel('Your name').fill('Jeroen Peeters');
  await page.getByLabel('How can we reach you?').fill('+31 6 12345678');
  await page.getByRole('checkbox').check();
  // A person takes a few seconds; the form refuses to be sent faster (robots).
  await page.waitForTimeout(3200);
  await page.getByRole('button', { name: 'Send my question' }).click();
  await page.getByText(/Your reference number: [0-9A-F]{4}-[0-9A-F]{4}\./).waitFor();
  await context.close();
});

for (const lang of ['nl', 'en', 'de', 'fr', 'pl', 'ro', 'bg']) {
  test(`the explainer's question and answer pages pass axe in ${lang}`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${loket.base}/grensverkenner?lang=${lang}&residence=NL&work=DE`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(await axeViolations(page), [], `axe on a question (${lang})`);
    await page.goto(`${loket.base}/grensverkenner/antwoord?lang=${lang}&residence=NL&work=DE&kind=employee&residence_share=20&telework_share=20&days_outside_work_state=40&children_residence=NL&unemployment=`);
    assert.equal(await page.locator('section.result-card').count() >= 4, true);
    assert.deepEqual(await axeViolations(page), [], `axe on the answers (${lang})`);
    await context.close();
  });
}
