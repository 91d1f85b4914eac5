// Starts a real `loket serve` on a free port in a fresh directory (so it seeds
// its own SQLite database) and launches Debian's chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const here = new URL('.', import.meta.url).pathname;
export const LOKET_BIN = process.env.LOKET_BIN || resolve(here, '../../target/debug/loket');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

export async function startLoket(extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
  const port = await freePort();
  const env = { ...process.env, LOKET_PUBLIC_URL: `http://127.0.0.1:${port}`, ...extraEnv };
  delete env.LOKET_DATABASE_URL;
  const child = spawn(LOKET_BIN, ['serve', '--bind', `127.0.0.1:${port}`], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`loket did not start (${LOKET_BIN}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    /** The server's working folder (its SQLite database is data/loket.db). */
    dir,
    /** Runs `loket admin create-user` against this server's database. */
    createUser({ email, name, role, organization, region, password }) {
      const args = ['admin', 'create-user', '--email', email, '--name', name, '--role', role, '--password-stdin'];
      if (organization) args.push('--organization', organization);
      if (region) args.push('--region', region);
      const r = spawnSync(LOKET_BIN, args, { cwd: dir, env, input: `${password}\n`, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`create-user failed: ${r.stderr}`);
    },
    async stop() {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A real SMTP server that keeps what it receives (RFC 5321, enough for a client to deliver). */
export async function startSmtpSink() {
  const messages = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.write('220 sink ESMTP\r\n');
    let buffer = '';
    let inData = false;
    let message = '';
    socket.on('data', (chunk) => {
      buffer += chunk;
      let at;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(message);
            message = '';
            socket.write('250 queued\r\n');
          } else {
            message += (line.startsWith('.') ? line.slice(1) : line) + '\n';
          }
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') { inData = true; socket.write('354 go on\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); }
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Waits for a mail to `to` and returns the first link in it (quoted-printable decoded). */
    async linkTo(to, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = messages.findLast((m) => m.includes(`To: ${to}`));
        if (mail) {
          const body = mail.slice(mail.indexOf('\n\n') + 2).replace(/=\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
          const link = body.match(/https?:\/\/\S+/);
          if (link) return link[0];
        }
        if (Date.now() > deadline) throw new Error(`no mail to ${to}; got ${messages.length} messages`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close() { server.close(); },
  };
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The TOTP code (RFC 6238, SHA-1, 6 digits) an authenticator app shows `offsetSteps` steps from now. */
export function totp(secretBase32, offsetSteps = 0) {
  const step = Math.floor(Date.now() / 1000 / 30) + offsetSteps;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/**
 * Signs in through the pages in English: password, then the second factor, enrolling one
 * when asked (returns its secret). `check(where)` runs on each page (for example axe).
 */
export async function signInAs(page, base, { email, password }, secret, check = async () => {}) {
  await page.goto(`${base}/aanmelden?lang=en`);
  await check('sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/aanmelden\/(code|tweede-factor)/);
  if (page.url().includes('tweede-factor')) {
    await check('enrolment');
    secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Code', { exact: true }).fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    if ((await page.locator('.recovery-codes li').count()) !== 10) throw new Error('expected ten recovery codes');
    await check('recovery codes');
    await page.getByRole('link', { name: /continue/ }).click();
  } else {
    await check('code');
    await page.getByLabel('Code', { exact: true }).fill(totp(secret, 1));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(/\/beheer/);
  return secret;
}

/**
 * axe-core's WCAG 2.2 AA and best-practice findings on the page as a phone (390 px)
 * and a desktop (1280 px) show it; the viewport is put back afterwards.
 */
export async function axeViolations(page) {
  const before = page.viewportSize();
  const found = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    for (const v of result.violations) {
      found.push(`${width}px ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  if (before) await page.setViewportSize(before);
  return found;
}

/**
 * On the referral form: the first service of an organisation (its optgroup's label), the
 * handover note, consent as the legal basis and its purpose; sends it and returns the
 * referral's address.
 */
export async function sendReferral(page, { organisation, note, purpose }) {
  const service = await page.$eval(`optgroup[label="${organisation}"] option`, (o) => o.value);
  await page.getByLabel('To which service?').selectOption(service);
  await page.getByLabel('Question and handover note').fill(note);
  await page.getByLabel('Legal basis').selectOption('consent');
  await page.getByLabel('Purpose of sharing').fill(purpose);
  await page.getByRole('button', { name: 'Send the referral' }).click();
  await page.getByText('The referral was sent.').waitFor();
  return page.url().split('?')[0];
}
