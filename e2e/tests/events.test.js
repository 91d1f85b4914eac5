// Events in a real browser: the Expat Centre's organiser publishes a monthly Meet & Greet (first
// Thursday, 19:00, 20 places; a capacity of 0 is refused next to its field first); 21 people
// register, the 21st lands on the waiting list; one cancels through the link in their mail (from
// the SMTP sink) and the 21st is offered the place by mail and takes it; at the door the check-in
// list marks 18 present, and the organisation's results count 18 attended and 2 no-shows.
// axe-core checks the pages at 390 and 1280 px, the public ones in every offered language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, startSmtpSink, signInAs, axeViolations } from './harness.js';

let loket;
let browser;
let sink;
const ORGANISER = { email: 'noor@expat.test', name: 'Noor Bakker', role: 'staff', organization: 'expat-centre', password: 'meet and greet maastricht 2026' };
const LANGS = ['nl', 'en', 'de', 'fr', 'pl', 'ro', 'bg'];

before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ LOKET_SMTP_URL: sink.url });
  loket.createUser(ORGANISER);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await loket?.stop();
  sink?.close();
});

async function axeAtBothWidths(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

/** The first Thursday of next month, as YYYY-MM-DD. */
function firstThursdayOfNextMonth() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  while (d.getUTCDay() !== 4) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Waits for a mail to `to` whose text holds `words`. */
async function mailTo(to, words, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = sink.messages.findLast((m) => m.includes(`To: ${to}`) && m.replace(/=\r?\n/g, '').includes(words));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with "${words}"`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a monthly Meet & Greet fills up, a cancellation goes to the next in line, the door checks 18 in', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const staff = await context.newPage();
  await signInAs(staff, loket.base, ORGANISER);
  await staff.getByRole('link', { name: 'Events', exact: true }).first().click();
  await staff.getByRole('heading', { name: 'New event' }).waitFor();
  await axeAtBothWidths(staff, 'the organiser\'s events');

  const day = firstThursdayOfNextMonth();
  await staff.getByLabel('Title').fill('Meet & Greet');
  await staff.getByLabel('Description').fill('Drinks for internationals and their partners, every first Thursday.');
  await staff.getByLabel('Place', { exact: true }).selectOption({ label: 'Expat Centre Maastricht Region, Maastricht' });
  await staff.getByLabel('English').check();
  await staff.getByLabel('Dutch').check();
  await staff.getByLabel('Places per date').fill('0');
  await staff.getByLabel('First date: starts (YYYY-MM-DD HH:MM)').fill(`${day} 19:00`);
  await staff.getByLabel('First date: ends (YYYY-MM-DD HH:MM)').fill(`${day} 21:00`);
  await staff.getByLabel('Repeats (leave empty for one date)').fill('FREQ=MONTHLY;BYDAY=1TH;COUNT=12');
  await staff.getByRole('button', { name: 'Publish' }).click();
  await staff.locator('#capacity-error').waitFor();
  assert.equal(await staff.locator('#capacity-error').innerText(), 'A date needs at least 1 place.');
  await axeAtBothWidths(staff, 'the event form with an error');
  await staff.getByLabel('Places per date').fill('20');
  await staff.getByRole('button', { name: 'Publish' }).click();
  await staff.getByText('The event is published.').waitFor();
  const rows = staff.locator('tbody tr');
  assert.equal(await rows.count(), 12, 'twelve first Thursdays');
  await axeAtBothWidths(staff, 'the event\'s dates');
  const eventPath = await staff.getByRole('link', { name: 'Public page' }).getAttribute('href');

  // 21 people register for the first date: 20 places, then the waiting list.
  const visitor = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  for (let n = 1; n <= 21; n += 1) {
    await visitor.goto(`${loket.base}${eventPath}`);
    if (n === 1) {
      assert.match(await visitor.locator('main').innerText(), /20 places left/);
      await axeAtBothWidths(visitor, 'the event page');
    }
    await visitor.getByLabel('Your name').fill(`Person ${n}`);
    await visitor.getByLabel('Your e-mail address').fill(`p${n}@example.org`);
    await visitor.getByLabel(/I agree that Expat Centre Maastricht Region keeps/).check();
    await visitor.getByRole('button', { name: 'Register' }).click();
    const done = visitor.locator('#registered h3');
    await done.waitFor();
    if (n <= 20) assert.match(await done.innerText(), /^You are registered for Meet & Greet/);
    else assert.match(await done.innerText(), /^This date is full\. You are on the waiting list/);
  }
  await axeAtBothWidths(visitor, 'the waiting-list confirmation');
  await mailTo('p21@example.org', 'You are on the waiting list');
  const confirmation = await mailTo('p5@example.org', 'Your code at the door');
  assert.match(confirmation, /BEGIN:VCALENDAR/, 'the date comes as a calendar file');

  // Person 5 cancels through the mail's link; the page asks before anything happens.
  const five = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await five.goto(await sink.linkTo('p5@example.org'));
  await five.locator('#booking-status').waitFor();
  assert.equal(await five.locator('#booking-status').innerText(), 'You have a place.');
  assert.equal(await five.locator('svg.qr').count(), 1, 'the code at the door as a QR code');
  await axeAtBothWidths(five, 'the registration page');
  await five.getByRole('button', { name: 'Cancel my registration' }).click();
  await five.getByText('Your registration is cancelled.').waitFor();

  // The 21st is offered the place by mail and takes it.
  await mailTo('p21@example.org', 'A place has come free');
  const next = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await next.goto(await sink.linkTo('p21@example.org'));
  assert.match(await next.locator('#booking-status').innerText(), /^A place is free for you until/);
  await axeAtBothWidths(next, 'an offered place');
  await next.getByRole('button', { name: 'Take the place' }).click();
  await next.getByText('The place is yours. See you there!').waitFor();

  // At the door: 18 of the 20 came.
  await staff.reload();
  await staff.getByRole('link', { name: /Check-in list/ }).first().click();
  await staff.getByRole('heading', { name: /^Check-in: Meet & Greet/ }).waitFor();
  const boxes = staff.locator('input[name="present"]');
  assert.equal(await boxes.count(), 20);
  for (let i = 0; i < 18; i += 1) await boxes.nth(i).check();
  await staff.getByRole('button', { name: 'Save who came' }).click();
  await staff.getByText('Saved: 18 of 20 came.').waitFor();
  await axeAtBothWidths(staff, 'the check-in list');
  await staff.getByRole('link', { name: 'Dates', exact: true }).click();
  assert.match(await staff.locator('tbody tr').first().innerText(), /20 \/ 20\s+0\s+18/);

  // The attendance in the figures: the organisation's results for the date's year.
  const year = day.slice(0, 4);
  await staff.goto(`${loket.base}/beheer/resultaten?van=${year}-01-01&tot=${year}-12-31&lang=en`);
  assert.equal((await staff.locator('[data-indicator="event-attendance"]').innerText()).trim(), '18');
  assert.equal((await staff.locator('[data-indicator="event-no-shows"]').innerText()).trim(), '2');
  await axeAtBothWidths(staff, 'the results with attendance');

  // The public pages in every offered language.
  for (const lang of LANGS) {
    await visitor.goto(`${loket.base}/evenementen?lang=${lang}`);
    await axeAtBothWidths(visitor, `the events (${lang})`);
    await visitor.goto(`${loket.base}${eventPath.replace(/lang=\w+/, `lang=${lang}`)}`);
    await axeAtBothWidths(visitor, `the event page (${lang})`);
    await next.goto((await sink.linkTo('p21@example.org')).replace(/lang=\w+/, `lang=${lang}`));
    await axeAtBothWidths(next, `the registration page (${lang})`);
  }
  await context.close();
});
