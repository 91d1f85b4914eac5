// Personas walk the digital front door from the home page to their result, each
// in two languages; every page of every walk passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startLoket, launchBrowser, signInAs, axeViolations } from './harness.js';

const COORDINATOR = { email: 'regie@loket.test', name: 'Regisseur', role: 'coordinator', password: 'de menukaart van Limburg' };

let loket;
let browser;
const shots = new URL('../test-results/', import.meta.url).pathname;

before(async () => {
  mkdirSync(shots, { recursive: true });
  loket = await startLoket();
  loket.createUser(COORDINATOR);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
});

const personas = [
  {
    name: 'nurse living in Aachen, starting work in Heerlen, asks about health insurance',
    langs: ['de', 'en'],
    answers: { who: 'cross-border-worker', live: 'DE05334002', work: 'GM0917', topic: 'health-insurance', languages: ['de'], channel: 'phone' },
    expect: /GrenzInfoPunkt Aachen-Eurode/,
  },
  {
    name: 'software engineer from India with a job offer in Maastricht asks about a residence permit',
    langs: ['en', 'nl'],
    answers: { who: 'international-talent', nationality: 'other', live: 'abroad', work: 'GM0935', topic: 'residence-permit', languages: ['en'], channel: '' },
    expect: /Expat Centre Maastricht Region/,
  },
  {
    name: 'labour migrant from Poland in Venlo with a housing problem',
    langs: ['en', 'nl'],
    answers: { who: 'labour-migrant', nationality: 'eu', stay: 'long', live: 'GM0983', work: 'GM0983', topic: 'housing', languages: ['pl'], channel: '' },
    expect: /WIN-punt/,
  },
  {
    name: 'employer in Sittard-Geleen who wants to recruit in Germany',
    langs: ['nl', 'de'],
    answers: { who: 'employer', company: 'GM1883', size: 'medium', staff_from: 'DE', topic: 'recruitment', languages: ['nl'], channel: '' },
    expect: /Service Grensarbeid/,
  },
  {
    name: 'job seeker in Roermond',
    langs: ['nl', 'en'],
    answers: { who: 'job-seeker', live: 'GM0957', work: 'none', topic: 'job-search', languages: ['nl'], channel: 'walk-in' },
    expect: /Werkcentrum Midden-Limburg|UWV/,
  },
  {
    name: 'living in Lanaken (by postcode), lost a job in Maastricht',
    langs: ['nl', 'fr'],
    answers: { who: 'cross-border-worker', live_postcode: '3620', work: 'GM0935', topic: 'unemployment-benefit', languages: ['nl', 'fr'], channel: '' },
    expect: /Grensinfopunt Maastricht/,
  },
  {
    name: 'graduate of Maastricht University who wants to stay and work',
    langs: ['en', 'de'],
    answers: { who: 'international-student', nationality: 'other', live: 'GM0935', work: 'GM0935', topic: 'job-search', languages: ['en'], channel: 'online' },
    expect: /Welcome to Maastricht Region|Expat Centre Maastricht Region/,
  },
  {
    name: 'a question that fits nothing goes to the generalist',
    langs: ['nl', 'fr'],
    answers: { who: 'worker', live: 'GM0917', work: 'GM0935', topic: 'other', languages: [], channel: '' },
    expect: /Werkcentrum Zuid-Limburg/,
    fallback: true,
  },
];

async function axe(page, label, failures) {
  for (const found of await axeViolations(page)) failures.push(`${label} ${found}`);
}

/// Answers the question on screen, the way a visitor would: a radio, checkboxes, a list or a postcode.
async function answer(page, id, answers) {
  if (id.endsWith('_postcode')) return;
  const postcode = answers[`${id}_postcode`];
  if (postcode !== undefined) {
    await page.locator(`#${id}_postcode`).fill(postcode);
    return;
  }
  const value = answers[id];
  const select = page.locator(`select#${id}`);
  if (await select.count()) {
    await select.selectOption(value);
    return;
  }
  for (const v of Array.isArray(value) ? value : [value]) {
    await page.locator(`[id="${id}-${v === '' ? 'none' : v}"]`).check();
  }
}

for (const persona of personas) {
  for (const lang of persona.langs) {
    test(`${persona.name} (${lang})`, async () => {
      const context = await browser.newContext({ locale: lang });
      const page = await context.newPage();
      const failures = [];
      await page.goto(`${loket.base}/?lang=${lang}`);
      await axe(page, 'home', failures);
      await page.locator('a.cta').click();
      for (let step = 0; step < 15 && !page.url().includes('/voordeur/resultaat'); step++) {
        assert.equal(await page.getAttribute('html', 'lang'), lang, 'the language carries through the flow');
        const id = await page.locator('form.question').getAttribute('data-question');
        await axe(page, `question ${id}`, failures);
        await answer(page, id, persona.answers);
        await page.locator('form.question button[type=submit]').click();
        await page.waitForLoadState();
      }
      assert.match(page.url(), /\/voordeur\/resultaat\?/);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const first = page.locator('ol.routed > li').first();
      assert.match(await first.locator('.org').innerText(), persona.expect);
      assert.ok((await first.locator('.reasons li').count()) >= 1, 'the result says why');
      assert.equal(await page.locator('.notice.fallback').count() > 0, !!persona.fallback, 'the fallback says so honestly');
      await axe(page, 'result', failures);
      if (lang === persona.langs[0]) {
        await page.screenshot({ path: `${shots}front-door-${persona.answers.who}-${lang}.png`, fullPage: true });
      }
      // The result link is shareable: it holds the answers only, and shows the same first result.
      const shared = await page.locator('.share a').getAttribute('href');
      const keys = new Set(new URL(shared, loket.base).searchParams.keys());
      const questions = ['who', 'nationality', 'stay', 'live', 'work', 'company', 'size', 'staff_from', 'topic', 'languages', 'channel', 'lang'];
      assert.deepEqual([...keys].filter((k) => !questions.includes(k)), [], 'only answers in the link');
      const other = await browser.newContext({ locale: lang });
      const again = await other.newPage();
      await again.goto(`${loket.base}${shared}`);
      assert.equal(await again.locator('ol.routed > li .org').first().innerText(), await first.locator('.org').innerText());
      await other.close();
      await context.close();
      assert.deepEqual(failures, []);
    });
  }
}

test('a tampered link returns to the question with a message in the visitor language', async () => {
  const context = await browser.newContext({ locale: 'de' });
  const page = await context.newPage();
  const response = await page.goto(`${loket.base}/voordeur/resultaat?who=job-seeker&live=atlantis&work=none&topic=job-search&languages=&channel=&lang=de`);
  assert.equal(response.status(), 400);
  assert.equal(await page.locator('form.question').getAttribute('data-question'), 'live');
  assert.match(await page.locator('.field-error').innerText(), /Wählen Sie einen Ort aus der Liste/);
  const failures = [];
  await axe(page, 'error page', failures);
  assert.deepEqual(failures, []);
  await context.close();
});

test('feedback on a result is thanked and reaches the coordinator, anonymously', async () => {
  const context = await browser.newContext({ locale: 'nl' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/voordeur/resultaat?who=worker&live=GM0917&work=GM0935&topic=other&languages=&channel=&lang=nl`);
  await page.getByLabel('Vertel ons wat u zocht (niet verplicht)').fill('Ik zoek informatie over vrijwilligerswerk');
  await page.getByRole('button', { name: 'Verstuur' }).click();
  assert.match(await page.locator('[role=status]').innerText(), /Dank u wel/);
  // The coordinator signs in (enrolling a second factor) and reads it.
  await signInAs(page, loket.base, COORDINATOR);
  await page.goto(`${loket.base}/coordinator/voordeur?lang=nl`);
  assert.match(await page.locator('main').innerText(), /vrijwilligerswerk/);
  const gaps = await page.locator('#gaps-h + table tbody tr').count();
  assert.ok(gaps >= 1, 'the fallback shows as a gap in the menu');
  // The combination reads as answers, not as a query string.
  const combination = await page.locator('#gaps-h + table tbody tr td a').first().innerText();
  assert.match(combination, /Heerlen · Maastricht/, combination);
  assert.doesNotMatch(combination, /who=|GM0917/, combination);
  const failures = [];
  await axe(page, 'insight page', failures);
  // The coordinator's other pages pass axe too.
  for (const path of ['/beheer', '/beheer/voordeur?taal=de', '/beheer/termen', '/beheer/organisaties/aanvragen', '/beheer/verouderd']) {
    await page.goto(`${loket.base}${path}`);
    await axe(page, path, failures);
  }
  await page.goto(`${loket.base}/beheer/termen`);
  const term = await page.locator('a[href^="/beheer/termen/"]').first().getAttribute('href');
  await page.goto(`${loket.base}${term}`);
  await axe(page, 'term edit', failures);
  assert.deepEqual(failures, []);
  await context.close();
});

test('the front door works by keyboard alone', async () => {
  const context = await browser.newContext({ locale: 'en', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${loket.base}/voordeur?lang=en`);
  // Who are you? Tab to the first option, move with the arrow keys, submit with Enter.
  await page.locator('form.question input[type=radio]').first().focus();
  await page.keyboard.press('ArrowDown'); // international talent
  await page.keyboard.press('ArrowDown'); // international student
  await page.keyboard.press('Enter');
  await page.waitForURL(/who=international-student/);
  assert.equal(await page.locator('form.question').getAttribute('data-question'), 'nationality');
  await page.locator('form.question input[type=radio]').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.waitForURL(/nationality=eu/);
  // Where do you live? A list: type to choose, Tab on to the postcode field, Enter.
  await page.locator('select#live').focus();
  await page.keyboard.type('Maastricht');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/live=GM0935/);
  assert.equal(await page.locator('form.question').getAttribute('data-question'), 'work');
  await context.close();
});

// The labour migrants' languages: a browser in Polish, Romanian or Bulgarian gets the
// front door in that language (not Dutch), every question of the walk, the result and the
// callback request, and axe finds nothing on the way (at 390 and 1280 px).
for (const [locale, lang, who, callback] of [
  ['pl-PL', 'pl', 'Kim jesteś?', 'Poproś tę usługę o kontakt'],
  ['ro-RO', 'ro', 'Cine ești?', 'Cere acestui serviciu să te contacteze'],
  ['bg-BG', 'bg', 'Кой сте вие?', 'Помолете тази услуга да се свърже с вас'],
]) {
  test(`a ${locale} browser gets the front door in its own language`, async () => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const failures = [];
    await page.goto(`${loket.base}/`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await axe(page, `home (${lang})`, failures);
    await page.locator('a.cta').click();
    await page.getByRole('heading', { name: who }).waitFor();
    // Every question of the labour migrant's walk, answered as a visitor would.
    const answers = { who: 'labour-migrant', nationality: 'eu', stay: 'long', live: 'GM0983', work: 'GM0983', topic: 'housing', languages: [lang], channel: '' };
    for (let step = 0; step < 15 && !page.url().includes('/voordeur/resultaat'); step++) {
      const id = await page.locator('form.question').getAttribute('data-question');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await axe(page, `question ${id} (${lang})`, failures);
      await answer(page, id, answers);
      await page.locator('form.question button[type=submit]').click();
      await page.waitForLoadState();
    }
    assert.match(page.url(), /\/voordeur\/resultaat\?/);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await axe(page, `result (${lang})`, failures);
    await page.getByRole('link', { name: new RegExp(callback) }).first().click();
    await page.waitForURL(/\/terugbellen/);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await axe(page, `callback request (${lang})`, failures);
    assert.deepEqual(failures, []);
    await context.close();
  });
}
