// The closed loop in a real browser: a visitor of the front door asks
// GrenzInfoPunkt Aachen-Eurode to call back; GIP staff find it in their inbox
// and accept; they refer the person on to the SVB with consent recorded; SVB
// accepts and completes with "got help"; GIP sees the loop closed; staff of a
// third organisation cannot see the person; every step is in the processing
// log. axe-core checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoket, launchBrowser, startSmtpSink, signInAs, axeViolations, sendReferral } from './harness.js';

let loket;
let browser;
let sink;
const GIP = { email: 'lena@gip.test', name: 'Lena Hoffmann', role: 'staff', organization: 'gip-aachen-eurode', password: 'grenzinfopunkt aachen 2026' };
const SVB = { email: 'kees@svb.test', name: 'Kees de Vries', role: 'staff', organization: 'svb', password: 'sociale verzekering bank 2026' };
const UWV = { email: 'ali@uwv.test', name: 'Ali Yilmaz', role: 'staff', organization: 'uwv', password: 'werk en inkomen limburg 2026' };
const ADMIN = { email: 'admin@loket.test', name: 'Platform Admin', role: 'platform-admin', password: 'beheer van de voordeur 2026' };

before(async () => {
  sink = await startSmtpSink();
  loket = await startLoket({ LOKET_SMTP_URL: sink.url });
  for (const user of [GIP, SVB, UWV, ADMIN]) loket.createUser(user);
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

// Each account enrols its second factor on its first sign-in; later sign-ins use that secret.
const secrets = new Map();

async function staffPage(account) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const secret = await signInAs(page, loket.base, account, secrets.get(account.email), (where) => axe(page, `${account.organization ?? account.role}: ${where}`));
  secrets.set(account.email, secret);
  return page;
}

test('a front-door request travels GIP → SVB and the loop closes, private to the two', async () => {
  // The visitor: front-door result, then "ask this service to contact me".
  const visitorContext = await browser.newContext({ locale: 'de-DE' });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${loket.base}/voordeur/resultaat?who=cross-border-worker&live=DE05334002&work=GM0917&topic=health-insurance&languages=de&channel=phone&lang=de`);
  const card = visitor.locator('li.result', { hasText: 'GrenzInfoPunkt Aachen-Eurode' }).first();
  // Every way to reach the GrenzInfoPunkt that the catalogue knows is on the result:
  // the website, both offices with a route planner, and the callback request; no
  // channel without its contact (no phone number is known, so no "call").
  await card.getByRole('link', { name: 'grenzinfo.eu' }).waitFor();
  assert.equal(await card.getByRole('link', { name: /^Route/ }).count(), 2);
  assert.equal(await card.locator('a[href^="tel:"]').count(), 0);
  assert.equal(await card.locator('a[href^="mailto:"]').count(), 0);
  await card.getByRole('link', { name: /Dieses Angebot um Kontaktaufnahme bitten/ }).click();
  await visitor.waitForURL(/\/terugbellen/);
  await axe(visitor, 'intake form (de)');
  await visitor.getByLabel('Ihr Name').fill('Dana Kowalczyk');
  // A contact nobody can reach is refused, in the visitor's language.
  await visitor.getByLabel('Wie können wir Sie erreichen?').fill('asdf');
  await visitor.getByRole('checkbox').check();
  await visitor.getByLabel('Ihre Frage').fill('Ich wohne in Aachen und fange in Heerlen an: wo bin ich krankenversichert?');
  await visitor.waitForTimeout(3200);
  await visitor.getByRole('button', { name: 'Meine Frage senden' }).click();
  await visitor.getByText('Darüber können wir Sie nicht erreichen.').first().waitFor();
  await axe(visitor, 'intake form refusing asdf (de)');
  await visitor.getByRole('checkbox').uncheck();
  await visitor.getByLabel('Wie können wir Sie erreichen?').fill('+49 241 555 0101');
  await visitor.getByLabel('Ihre Frage').fill('Ich wohne in Aachen und fange in Heerlen an: wo bin ich krankenversichert?');
  await visitor.getByRole('button', { name: 'Meine Frage senden' }).click();
  await visitor.getByText('Geben Sie Ihre Einwilligung').first().waitFor();
  await axe(visitor, 'intake form with an error (de)');
  await visitor.getByRole('checkbox').check();
  // A person takes a few seconds; the form refuses to be sent faster (robots).
  await visitor.waitForTimeout(3200);
  await visitor.getByRole('button', { name: 'Meine Frage senden' }).click();
  await visitor.getByText(/Ihre Frage wurde an GrenzInfoPunkt Aachen-Eurode weitergeleitet/).waitFor();
  await visitor.getByText(/Ihre Referenznummer: [0-9A-F]{4}-[0-9A-F]{4}\./).waitFor();
  await visitor.getByText(/meldet sich spätestens am \d{2}\.\d{2}\.\d{4}/).waitFor();
  await axe(visitor, 'intake thanks (de)');

  // GIP staff: the inbox shows it as new, from the front door; they accept.
  const gip = await staffPage(GIP);
  await gip.getByRole('link', { name: 'Referrals', exact: true }).first().click();
  await gip.getByRole('link', { name: /New \(1\)/ }).click();
  await axe(gip, 'GIP inbox');
  await gip.getByRole('link', { name: 'Dana Kowalczyk' }).click();
  await gip.getByText('wo bin ich krankenversichert').waitFor();
  await axe(gip, 'GIP referral');
  await gip.getByRole('button', { name: 'Accept', exact: true }).click();
  await gip.getByText('The status was updated.').waitFor();
  assert.equal(await gip.locator('[data-status]').getAttribute('data-status'), 'accepted');

  // They refer the person on to the SVB, consent recorded.
  await gip.getByRole('link', { name: 'Refer on to another organisation' }).click();
  await axe(gip, 'refer-on form');
  assert.equal(await gip.getByLabel('Name', { exact: true }).inputValue(), 'Dana Kowalczyk');
  const onwardUrl = await sendReferral(gip, {
    organisation: 'Sociale Verzekeringsbank',
    note: 'Lives in Aachen, starts work in Heerlen: needs an A1 certificate and advice on health insurance.',
    purpose: 'A1 certificate and health insurance across the border',
  });

  // SVB: accept, then complete with "got help"; an internal note stays inside SVB.
  const svb = await staffPage(SVB);
  await svb.goto(`${loket.base}/beheer/verwijzingen?lang=en`);
  await svb.getByRole('link', { name: 'Dana Kowalczyk' }).click();
  await svb.getByText('needs an A1 certificate').waitFor();
  await svb.getByRole('button', { name: 'Accept', exact: true }).click();
  await svb.getByText('The status was updated.').waitFor();
  await axe(svb, 'SVB referral, accepted');
  await svb.locator('#outcome-completed').selectOption('got-help');
  await svb.getByRole('button', { name: 'Complete', exact: true }).click();
  await svb.getByText('The status was updated.').waitFor();
  await svb.getByLabel('New note').fill('A1 aangevraagd; intern dossiernummer 4711');
  await svb.getByRole('button', { name: 'Save note' }).click();
  await svb.getByText('The note was saved.').waitFor();

  // GIP sees the loop closed: completed, got help, and none of SVB's notes.
  await gip.goto(`${onwardUrl}?lang=en`);
  assert.equal(await gip.locator('[data-status]').getAttribute('data-status'), 'completed');
  await gip.getByText('Got help').first().waitFor();
  assert.equal(await gip.getByText('dossiernummer 4711').count(), 0);
  await gip.goto(`${loket.base}/beheer/verwijzingen?view=sent&lang=en`);
  await gip.getByRole('cell', { name: 'Completed' }).waitFor();
  await axe(gip, 'GIP sent box');

  // A third organisation's staff cannot see the person.
  const uwv = await staffPage(UWV);
  const denied = await uwv.goto(`${onwardUrl}?lang=en`);
  assert.equal(denied.status(), 403);
  assert.equal(await uwv.getByText('Kowalczyk').count(), 0);
  await uwv.goto(`${loket.base}/beheer/verwijzingen?view=all&lang=en`);
  assert.equal(await uwv.getByText('Kowalczyk').count(), 0);

  // Every step is in the processing log.
  const admin = await staffPage(ADMIN);
  const csv = await (await admin.request.get(`${loket.base}/beheer/logboek.csv`)).text();
  const lines = csv.split('\r\n').map((l) => l.replace(/"/g, ''));
  const onwardId = onwardUrl.split('/').pop();
  const steps = lines.filter((l) => l.includes(`referral/${onwardId}`)).map((l) => l.split(',')[2]);
  assert.deepEqual(steps, ['referral.create', 'referral.accepted', 'referral.completed', 'referral.note']);
  assert.equal(lines.filter((l) => l.includes(',referral.create,')).length, 2, 'the intake and the onward referral');
  assert.ok(lines.some((l) => l.includes(`access.denied,GET /beheer/verwijzingen/${onwardId}`)), 'the third organisation\'s attempt is logged');
  assert.ok(!csv.includes('Kowalczyk'), 'no personal data in the log');

  // The e-mailed notice carries a link, never the person.
  const link = await sink.linkTo(SVB.email);
  assert.ok(link.endsWith(`/beheer/verwijzingen/${onwardId}`), link);
  for (const m of sink.messages) assert.ok(!m.includes('Kowalczyk'), 'no personal data in mail');
});

test('withdrawing consent asks first, ends the referral, and the receiver can no longer accept it', async () => {
  const gip = await staffPage(GIP);
  await gip.goto(`${loket.base}/beheer/verwijzingen/nieuw?lang=en`);
  await gip.getByLabel('Name', { exact: true }).fill('Piotr Nowak');
  await gip.getByLabel('Phone or e-mail').fill('+48 601 234 567');
  const url = await sendReferral(gip, {
    organisation: 'Sociale Verzekeringsbank',
    note: 'Child benefit while working in Heerlen, family in Poland.',
    purpose: 'Child benefit across the border',
  });

  // The destructive step is behind a disclosure that says what will happen.
  const confirm = gip.getByRole('button', { name: 'Yes, withdraw consent and delete the data' });
  assert.equal(await confirm.isVisible(), false, 'not one click away');
  await gip.getByText('The person withdraws consent').click();
  await gip.getByText('deleted now and cannot be restored').waitFor();
  await axe(gip, 'withdraw consent, confirmation open');
  await confirm.click();
  await gip.locator('[data-status="cancelled"]').waitFor();
  assert.equal(await gip.getByText('Piotr Nowak').count(), 0, 'the name is gone');

  // The receiver finds it ended: no accept button, nothing to do.
  const svb = await staffPage(SVB);
  await svb.goto(`${url}?lang=en`);
  assert.equal(await svb.locator('[data-status]').getAttribute('data-status'), 'cancelled');
  assert.equal(await svb.getByRole('button', { name: 'Accept', exact: true }).count(), 0);
  await axe(svb, 'SVB, referral ended by withdrawn consent');
});
