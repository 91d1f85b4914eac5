// Accounts in a real browser: a platform admin invites an organisation admin of
// GrenzInfoPunkt Aachen-Eurode; she sets a password from the e-mailed link
// (through a real SMTP sink), enrols TOTP (the test computes the codes), edits a
// service in German, and the public page shows it. Staff of another organisation
// get a 403 page for the same edit, and the attempt is in the audit log.
// axe-core checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const jsQR = createRequire(import.meta.url)('jsqr');

/**
 * Draws the SVG at `selector` on a canvas and decodes it as a QR code. The drawing
 * happens in a blank page: loket's pages forbid data: images by their CSP.
 */
async function decodeQr(page, selector) {
  const markup = await page.locator(selector).evaluate((svg) => new XMLSerializer().serializeToString(svg));
  const blank = await page.context().newPage();
  const { width, height, data } = await blank.evaluate(async (svgMarkup) => {
    const size = 400;
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgMarkup);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(image, 0, 0, size, size);
    return { width: size, height: size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  }, markup);
  await blank.close();
  const code = jsQR(Uint8ClampedArray.from(data), width, height);
  if (!code) throw new Error('no QR code found in the picture');
  return code.data;
}
import { startLoket, launchBrowser, startSmtpSink, signInAs, totp, axeViolations } from './harness.js';

let loket;
let browser;
let sink;
const shots = new URL('../test-results/', import.meta.url).pathname;
const ADMIN = { email: 'admin@loket.test', name: 'Platform Admin', role: 'platform-admin', password: 'beheer van de voordeur 2026' };
const SVB_STAFF = { email: 'kees@svb.test', name: 'Kees van SVB', role: 'staff', organization: 'svb', password: 'sociale verzekering bank 2026' };
const FUNDER = { email: 'wethouder@heerlen.test', name: 'Fenna Funder', role: 'funder', password: 'cijfers voor de gemeenteraad 2026' };

before(async () => {
  mkdirSync(shots, { recursive: true });
  sink = await startSmtpSink();
  loket = await startLoket({ LOKET_SMTP_URL: sink.url });
  loket.createUser(ADMIN);
  loket.createUser(SVB_STAFF);
  loket.createUser(FUNDER);
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

async function signIn(page, account, secret) {
  return signInAs(page, loket.base, account, secret, (where) => axe(page, where));
}

test('an admin invites an org admin, who enrols TOTP and edits a service in German; other staff get 403', async () => {
  // The platform admin signs in (first time: enrols a second factor) and invites.
  const adminContext = await browser.newContext({ locale: 'en-GB' });
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await axe(admin, 'staff area');
  await admin.getByRole('link', { name: 'GrenzInfoPunkt Aachen-Eurode' }).click();
  await admin.waitForURL(/uitnodigen/);
  await axe(admin, 'invite form');
  await admin.getByLabel('Name').fill('Anna Schmitz');
  await admin.getByLabel('E-mail address').fill('anna@gip.test');
  await admin.getByLabel('Role').selectOption('org-admin');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText('anna@gip.test has been invited.').waitFor();

  // Anna follows the e-mailed link, sets a password and enrols TOTP.
  const link = await sink.linkTo('anna@gip.test');
  assert.ok(link.startsWith(`${loket.base}/wachtwoord-instellen?token=`), link);
  const annaContext = await browser.newContext({ locale: 'de-DE' });
  const anna = await annaContext.newPage();
  await anna.goto(link.replace('lang=en', 'lang=de'));
  await axe(anna, 'set password');
  await anna.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
  await anna.getByLabel('Neues Passwort wiederholen').fill('kurz');
  await anna.getByRole('button', { name: 'Passwort festlegen' }).click();
  await anna.getByText('Das Passwort ist zu kurz').first().waitFor();
  await axe(anna, 'set password with errors');
  const password = 'Grenzgänger beraten seit 2026';
  await anna.getByLabel('Neues Passwort', { exact: true }).fill(password);
  await anna.getByLabel('Neues Passwort wiederholen').fill(password);
  await anna.getByRole('button', { name: 'Passwort festlegen' }).click();
  await anna.waitForURL(/tweede-factor/);
  await axe(anna, 'enrolment (de)');
  const secret = (await anna.locator('#totp-secret').innerText()).replace(/\s/g, '');
  // The QR code beside the key holds the same secret: decoded from its pixels with jsQR.
  const decoded = await decodeQr(anna, 'svg.qr');
  assert.equal(new URL(decoded).searchParams.get('secret'), secret, decoded);
  assert.ok(decoded.startsWith('otpauth://totp/loket:anna%40gip.test') || decoded.startsWith('otpauth://totp/loket:anna@gip.test'), decoded);
  await anna.getByLabel('Code', { exact: true }).fill(totp(secret));
  await anna.getByRole('button', { name: 'Bestätigen und weiter' }).click();
  await anna.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
  await anna.getByRole('link', { name: /weiter/ }).click();
  await anna.waitForURL(/\/beheer$/);

  // She edits a service of her organisation in German, previews, saves.
  const serviceLink = anna.locator('table a[href^="/beheer/diensten/"]').first();
  const href = await serviceLink.getAttribute('href');
  const serviceId = href.split('/')[3];
  await serviceLink.click();
  await anna.waitForURL(/\/beheer\/diensten\/[0-9a-f-]{36}$/);
  await axe(anna, 'edit service');
  const newName = 'Beratung für Grenzgänger – neu in Aachen';
  await anna.locator('#name_de').fill(newName);
  await anna.getByRole('button', { name: 'Vorschau' }).click();
  await anna.getByRole('heading', { name: 'Vorschau' }).waitFor();
  await axe(anna, 'preview');
  await anna.getByRole('button', { name: 'Speichern' }).click();
  await anna.getByText('Die Änderungen wurden gespeichert').waitFor();
  await anna.screenshot({ path: `${shots}edit-de.png`, fullPage: true });

  const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await visitor.goto(`${loket.base}/diensten/${serviceId}?lang=de`);
  assert.equal(await visitor.locator('h1').innerText(), newName);
  await axe(visitor, 'public service page');

  // Staff of SVB try the same edit: a 403 page, and the attempt is logged.
  const keesContext = await browser.newContext({ locale: 'en-GB' });
  const kees = await keesContext.newPage();
  await signIn(kees, SVB_STAFF);
  const refused = await kees.goto(`${loket.base}/beheer/diensten/${serviceId}?lang=en`);
  assert.equal(refused.status(), 403);
  await kees.getByRole('heading', { name: 'No access' }).waitFor();
  await axe(kees, '403 page');

  await admin.goto(`${loket.base}/beheer/logboek?action=access.denied&lang=en`);
  await axe(admin, 'audit log');
  const rows = await admin.locator('table.log tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => r.includes(`GET /beheer/diensten/${serviceId}`) && r.includes('denied')), rows.join('\n'));
  await admin.goto(`${loket.base}/beheer/accounts?lang=en`);
  await axe(admin, 'accounts');
  await anna.goto(`${loket.base}/beheer`);
  const location = await anna.locator('a[href^="/beheer/locaties/"]').first().getAttribute('href');
  await anna.goto(`${loket.base}${location}`);
  await axe(anna, 'location edit');
  await anna.goto(`${loket.base}/beheer/diensten/${serviceId}/geschiedenis`);
  await axe(anna, 'history');
  await anna.goto(`${loket.base}/account`);
  await axe(anna, 'account');
  await anna.goto(`${loket.base}/account/mijn-gegevens`);
  await axe(anna, 'my data');
  await annaContext.close();
  await keesContext.close();
  await adminContext.close();
});

test('a funder signs in and lands on the figures, with who is signed in and a way out', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${loket.base}/aanmelden?lang=en`);
  await page.getByLabel('E-mail address').fill(FUNDER.email);
  await page.getByLabel('Password').fill(FUNDER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/beheer\/cijfers/);
  await page.getByText('Signed in as').waitFor();
  await page.getByText(FUNDER.name).first().waitFor();
  await axe(page, 'funder figures');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/aanmelden/);
  assert.equal(await page.getByText('Signed in as').count(), 0);
  await context.close();
});
