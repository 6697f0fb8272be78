// The web console end to end, in headless Chromium (Debian's package) driven by playwright-core,
// against a running server (WebConsoleIT starts the packaged server, with its bootstrap admin
// a-admin of organisation 91110000802100433B, which is also the feedback desk's organisation).
//
//   node console.e2e.mjs <base URL> <screenshot directory>
//
// The story of the issue: an accountant logs in, looks up an invoice that cannot be found, reads
// the diagnosis, opens a ticket with a photo of the invoice; an agent answers it and the submitter
// sees the answer arrive; an invoice's status change appears live in the list; the report's chart
// renders and the register downloads as XLSX. Screenshots of the main screens (Chinese, desktop and
// phone; one in English) go to the screenshot directory. Any console error or page error fails it.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// axe-core, the accessibility rules engine, runs inside each page that gets a screenshot.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [base, shots] = process.argv.slice(2);
assert.ok(base && shots, 'usage: console.e2e.mjs <base URL> <screenshot directory>');
mkdirSync(shots, { recursive: true });
const PASSWORD = 'test-password';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// ---------------------------------------------------------------- the API, as other people use it
async function graphql(token, query, variables = {}, { allow = [] } = {}) {
  const response = await fetch(new URL('graphql', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const unexpected = (body.errors || []).filter((e) => !allow.includes(e.extensions?.code));
  assert.ok(unexpected.length === 0, `${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function tokenOf(username) {
  const data = await graphql(null, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: username, p: PASSWORD });
  return data.login.accessToken;
}

async function issue(issuer, item, amount) {
  const data = await graphql(issuer, 'mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number issueDate } }', {
    input: {
      kind: 'SPECIAL',
      buyer: { name: '测试乙公司 (org B)', taxId: '91110000101623741K' },
      lines: [{ itemName: item, amount, taxRate: '0.13' }],
    },
  });
  return data.issueInvoice;
}

/** The people of the story, created by the organisation's admin (again on a second run: kept). */
async function createPeople() {
  const admin = await tokenOf('a-admin');
  const people = { 'a-issuer': ['ISSUER'], 'a-accountant': ['ACCOUNTANT'], 'a-support_agent': ['SUPPORT_AGENT'] };
  for (const [username, roles] of Object.entries(people)) {
    await graphql(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { username, password: PASSWORD, roles, displayName: username } }, { allow: ['USERNAME_TAKEN'] });
  }
}

/** The RFC 6238 code of a base32 secret for the 30-second step `offset` steps from now. */
function totp(secret, offset = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + offset));
  const mac = createHmac('sha1', key).update(counter).digest();
  const at = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** A number that is not issued: one digit of the sequence mistyped (a near match of the real one). */
function mistyped(number) {
  return number.slice(0, 5) + (number[5] === '9' ? '8' : '9') + number.slice(6);
}

// ---------------------------------------------------------------- the browser
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const problems = [];
let step = 'start';

async function newPage({ phone = false, language = 'zh' } = {}) {
  const context = await browser.newContext({
    locale: language === 'zh' ? 'zh-CN' : 'en-GB',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(phone ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 860 } }),
  });
  await context.addInitScript((lang) => localStorage.setItem('fapiao.language', lang), language);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`[${step}] console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`[${step}] page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`[${step}] HTTP ${response.status()} ${response.url()}`);
  });
  return page;
}

/** Form controls a screen reader could not name: every input needs a label (or an aria-label). */
async function unlabelled(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((c) => c.type !== 'hidden' && !c.closest('[hidden]') && c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
    .map((c) => c.outerHTML.slice(0, 80)));
}

/** Serious and critical accessibility violations (labels, contrast, names, ARIA) by axe-core. */
async function accessibilityViolations(page) {
  // Evaluated through the DevTools protocol: the console's Content-Security-Policy allows no inline script.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  });
}

async function shot(page, name) {
  const missing = await unlabelled(page);
  if (missing.length) problems.push(`[${name}] controls without a label: ${missing.join(', ')}`);
  const violations = await accessibilityViolations(page);
  if (violations.length) problems.push(`[${name}] accessibility: ${violations.join(' | ')}`);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function logIn(page, username) {
  await page.goto(new URL('#/login', base).toString());
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '查验发票' }).waitFor();
}

try {
  await createPeople();
  const issuer = await tokenOf('a-issuer');
  const lookedFor = await issue(issuer, '咨询服务', '1000.00');
  const watched = await issue(issuer, '技术服务', '2000.00');

  // 1. Log in (the first screen of a new visitor, in Chinese).
  step = 'login';
  const accountant = await newPage();
  await accountant.goto(base);
  await accountant.getByRole('heading', { name: '登录' }).waitFor();
  await shot(accountant, 'login-zh');
  await logIn(accountant, 'a-accountant');

  // 2. Look up an invoice that cannot be found, with live hints as the number is typed.
  step = 'verify';
  await accountant.getByLabel('发票号码').fill(mistyped(lookedFor.number));
  await accountant.getByLabel('开票日期').fill(lookedFor.issueDate);
  await accountant.getByLabel('价税合计（元）').fill('1130.00');
  await accountant.getByText('大写：壹仟壹佰叁拾元整').waitFor();
  await accountant.getByRole('button', { name: '查验', exact: true }).click();
  await accountant.getByText('查无此票').waitFor();

  // 3. The diagnosis: findings in plain words, the near match, and a ticket drafted from it.
  step = 'diagnosis';
  await accountant.getByRole('button', { name: '查不到？诊断原因' }).first().click();
  await accountant.getByRole('heading', { name: '为什么查不到？' }).waitFor();
  await accountant.getByText(lookedFor.number).waitFor();
  await shot(accountant, 'diagnosis-zh');
  await accountant.getByRole('button', { name: '仍未解决？提交反馈' }).click();
  await accountant.getByRole('heading', { name: '提交反馈' }).waitFor();
  assert.notEqual(await accountant.getByLabel('标题').inputValue(), '', 'the draft fills the subject');
  await accountant.getByLabel('附件：发票照片或 PDF（PNG、JPEG、PDF）').setInputFiles({
    name: '发票照片.png', mimeType: 'image/png', buffer: readFileSync(new URL('./fixtures/invoice-photo.png', import.meta.url)),
  });
  await shot(accountant, 'feedback-zh');
  await accountant.getByRole('button', { name: '提交', exact: true }).click();
  const trackingNumber = (await accountant.getByTestId('tracking-number').textContent()).trim();
  assert.match(trackingNumber, /^FB-\d{6}-\d{5}-[A-Z0-9]$/);
  await accountant.getByText('已上传 1 个附件。').waitFor();
  await accountant.getByRole('link', { name: '跟踪此反馈' }).click();
  await accountant.getByTestId('ticket-status').filter({ hasText: '新提交' }).waitFor();

  // 4. An agent answers on the desk; the submitter's page shows the answer without reloading.
  step = 'desk';
  const agent = await newPage();
  // By keyboard alone: the username field has the focus, Tab moves on, Enter submits.
  await agent.goto(new URL('#/login', base).toString());
  await agent.getByLabel('用户名').waitFor();
  await agent.keyboard.type('a-support_agent');
  await agent.keyboard.press('Tab');
  await agent.keyboard.type(PASSWORD);
  await agent.keyboard.press('Enter');
  await agent.getByRole('heading', { name: '查验发票' }).waitFor();
  await agent.goto(new URL('#/desk', base).toString());
  await agent.getByRole('link', { name: trackingNumber }).click();
  const [photo] = await Promise.all([agent.context().waitForEvent('page'), agent.getByRole('button', { name: '发票照片.png' }).click()]);
  await photo.waitForURL(/^blob:/);
  await photo.close();
  await agent.getByRole('button', { name: '受理' }).click();
  await agent.getByTestId('ticket-status').filter({ hasText: '已受理' }).waitFor();
  await agent.getByLabel('回复提交人').fill('您好，号码第六位应为另一个数字，请用诊断给出的号码再查验。');
  await agent.getByRole('button', { name: '发送' }).click();
  await agent.getByText('您好，号码第六位').waitFor();
  await shot(agent, 'desk-ticket-zh');
  await agent.goto(new URL('#/desk', base).toString());
  await agent.getByRole('link', { name: trackingNumber }).waitFor();
  await shot(agent, 'desk-queue-zh');
  await accountant.getByText('您好，号码第六位').waitFor();

  // The agent resolves it; the submitter is asked to rate, and rates.
  step = 'rate';
  await agent.getByRole('link', { name: trackingNumber }).click();
  await agent.getByRole('button', { name: '标记已解决' }).click();
  await agent.getByTestId('ticket-status').filter({ hasText: '已解决' }).waitFor();
  await accountant.getByRole('heading', { name: '评价处理结果' }).waitFor();
  await accountant.getByLabel('评分（1–5）').selectOption('4');
  await accountant.getByLabel('评价意见（可选）').fill('答复及时。');
  await accountant.getByRole('button', { name: '评价处理结果' }).click();
  await accountant.getByText('感谢您的评价：4 分').waitFor();
  await shot(accountant, 'ticket-rated-zh');

  // 5. A status change made elsewhere appears live in the accountant's invoice list.
  step = 'live';
  await accountant.goto(new URL('#/invoices', base).toString());
  const row = accountant.locator(`tr[data-invoice-id="${watched.id}"]`);
  await row.getByText('正常').waitFor();
  await accountant.locator('main[data-live="true"]').waitFor(); // the subscription is open
  await accountant.waitForTimeout(500);
  await graphql(issuer, 'mutation($input: RedReverseInvoiceInput!) { redReverseInvoice(input: $input) { id } }', { input: { id: watched.id, reasonCode: 1 } });
  await row.getByText('全额红冲').waitFor();
  await shot(accountant, 'invoices-zh');

  // An issuer issues an invoice after its preview, then reverses it after the reversal's preview.
  step = 'issue';
  const issuerPage = await newPage();
  await logIn(issuerPage, 'a-issuer');
  await issuerPage.getByRole('link', { name: '开具发票' }).click();
  await issuerPage.getByLabel('购买方名称').fill('测试乙公司 (org B)');
  await issuerPage.getByLabel('购买方纳税人识别号').fill('91110000101623741K');
  await issuerPage.getByLabel('项目名称 1').fill('培训服务');
  await issuerPage.getByLabel('金额（元） 1').fill('500');
  await issuerPage.getByLabel('税率 1').selectOption('0.06');
  await issuerPage.getByRole('button', { name: '预览' }).click();
  const preview = issuerPage.getByRole('dialog');
  await preview.getByText('伍佰叁拾元整').waitFor();
  await shot(issuerPage, 'issue-preview-zh');
  await preview.getByRole('button', { name: '确认开具' }).click();
  await issuerPage.getByRole('heading', { name: /电子发票/ }).waitFor();
  const [pdf] = await Promise.all([issuerPage.waitForEvent('download'), issuerPage.getByRole('button', { name: '下载 PDF' }).click()]);
  assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-', 'the invoice downloads as a PDF');
  await issuerPage.getByRole('button', { name: '红冲' }).click();
  await issuerPage.getByRole('dialog').getByRole('button', { name: '预览' }).click();
  await issuerPage.getByRole('dialog').getByText('将开具一张负数发票冲销 500.00 元').waitFor();
  await issuerPage.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await issuerPage.locator('#invoice-status').getByText('全额红冲').waitFor();

  // 6. Reports: statistics, the chart, the VAT summary, the register as XLSX.
  step = 'reports';
  await accountant.goto(new URL('#/reports', base).toString());
  await accountant.getByRole('button', { name: '统计' }).click();
  await accountant.locator('tr.totals').waitFor();
  const chart = accountant.locator('img.chart');
  await chart.waitFor();
  await accountant.waitForFunction(() => document.querySelector('img.chart')?.complete && document.querySelector('img.chart').naturalWidth > 0);
  const [statistics] = await Promise.all([
    accountant.waitForEvent('download'),
    accountant.getByRole('button', { name: '下载 发票统计（XLSX）' }).click(),
  ]);
  assert.equal(readFileSync(await statistics.path()).subarray(0, 2).toString('latin1'), 'PK', 'the statistics download as XLSX');
  const [download] = await Promise.all([
    accountant.waitForEvent('download'),
    accountant.getByRole('button', { name: '下载 发票清单（XLSX）' }).click(),
  ]);
  const file = await download.path();
  assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip archive');
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await accountant.getByRole('button', { name: '生成汇总' }).click();
  await accountant.getByText('应纳税额').waitFor();
  await shot(accountant, 'reports-zh');

  // 7. A user with a second factor: the one-time code is asked for after the password; then the
  // password is changed on the account screen.
  step = 'totp';
  const admin = await tokenOf('a-admin');
  const totpUser = `a-totp-${Date.now() % 1000000}`;
  await graphql(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { username: totpUser, password: PASSWORD, roles: ['ACCOUNTANT'] } });
  const enrolment = await graphql(null, 'mutation($u: String!, $p: String!) { enrolTotp(username: $u, password: $p) { secret } }',
    { u: totpUser, p: PASSWORD });
  {
    await graphql(null, 'mutation($c: String!, $u: String!, $p: String!) { confirmTotp(code: $c, username: $u, password: $p) }',
      { c: totp(enrolment.enrolTotp.secret), u: totpUser, p: PASSWORD });
    const second = await newPage();
    await second.goto(new URL('#/login', base).toString());
    await second.getByLabel('用户名').fill(totpUser);
    await second.getByLabel('密码').fill(PASSWORD);
    await second.getByRole('button', { name: '登录' }).click();
    await second.getByText('请输入动态验证码。').waitFor();
    await second.getByLabel('动态验证码（6 位）').fill(totp(enrolment.enrolTotp.secret, 1));
    await second.getByRole('button', { name: '登录' }).click();
    await second.getByRole('heading', { name: '查验发票' }).waitFor();
    await second.getByRole('link', { name: `当前用户：${totpUser}` }).click();
    await second.getByLabel('当前密码').fill(PASSWORD);
    await second.getByLabel('新密码').fill('a-new-password-2026');
    await second.getByRole('button', { name: '修改密码' }).click();
    await second.getByText('密码已修改').waitFor();
    await shot(second, 'account-zh');
  }

  // 8. A phone-sized screen, and the console in English.
  step = 'phone';
  const phone = await newPage({ phone: true });
  await logIn(phone, 'a-accountant');
  await shot(phone, 'verify-phone-zh');
  await phone.goto(new URL('#/invoices', base).toString());
  await phone.locator(`tr[data-invoice-id="${watched.id}"]`).waitFor();
  await shot(phone, 'invoices-phone-zh');
  // Anonymous, in English: give feedback, keep the access key, follow the ticket with it.
  step = 'english';
  const english = await newPage({ language: 'en' });
  await english.goto(new URL('#/feedback', base).toString());
  await english.getByLabel('Category').selectOption('POLICY_QUESTION');
  await english.getByLabel('Subject').fill('Which rate applies to consulting?');
  await english.getByLabel('Description').fill('Our consulting invoices: 6% or 13%?');
  await english.getByRole('button', { name: 'Send' }).click();
  const anonymousNumber = (await english.getByTestId('tracking-number').textContent()).trim();
  const accessKey = (await english.getByTestId('access-key').textContent()).trim();
  assert.ok(accessKey.length >= 16, 'an anonymous submitter gets an access key');
  await english.getByRole('link', { name: 'Follow this feedback' }).click();
  await english.getByTestId('ticket-status').filter({ hasText: 'New' }).waitFor();
  await english.getByText('Which rate applies to consulting?').waitFor();
  assert.equal(await english.getByLabel('Tracking number').inputValue(), anonymousNumber);
  await english.goto(new URL('#/tickets', base).toString());
  await english.getByRole('heading', { name: 'Follow feedback' }).waitFor();
  await english.getByLabel('Tracking number').fill(trackingNumber.slice(0, -1) + (trackingNumber.endsWith('A') ? 'B' : 'A'));
  await english.getByRole('button', { name: 'Open' }).click();
  await english.getByText('malformed').waitFor();
  await shot(english, 'follow-en');

  assert.deepEqual(problems, [], 'no console errors, page errors or server errors');
  console.log(JSON.stringify({ ok: true, trackingNumber, screenshots: shots }));
} catch (error) {
  console.error(`failed at step "${step}": ${error.stack || error}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
