// The console's shell: navigation by role, language switch, session, and hash routes.
// Each screen module exports render(main, params) and may return a function that cleans up
// (closes its subscriptions) when the user leaves it.
import { loadOperations, run, saveSession, session, hasRole } from './api.js';
import { h, replace } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import * as login from './screens/login.js';
import * as verify from './screens/verify.js';
import * as invoices from './screens/invoices.js';
import * as reports from './screens/reports.js';
import * as tickets from './screens/tickets.js';
import * as desk from './screens/desk.js';

const INVOICE_ROLES = ['ISSUER', 'ACCOUNTANT', 'AUDITOR', 'PARTNER', 'ADMIN'];

/** Routes: #/path/param → screen. `roles` hides the link (the server still decides). */
const routes = [
  { path: 'verify', screen: verify, nav: 'nav.verify' },
  { path: 'invoices', screen: invoices, nav: 'nav.invoices', roles: INVOICE_ROLES },
  { path: 'issue', screen: invoices, nav: 'nav.issue', roles: ['ISSUER'], params: ['issue'] },
  { path: 'reports', screen: reports, nav: 'nav.reports', roles: ['ACCOUNTANT', 'AUDITOR'] },
  { path: 'feedback', screen: tickets, nav: 'nav.newTicket', params: ['new'] },
  { path: 'tickets', screen: tickets, nav: 'nav.tickets' },
  { path: 'desk', screen: desk, nav: 'nav.desk', roles: ['SUPPORT_AGENT'] },
  { path: 'account', screen: login, params: ['account'], signedIn: true },
  { path: 'login', screen: login },
];

let cleanup = null;

function current() {
  const [path, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const route = routes.find((r) => r.path === path);
  if (!route) return { route: routes[session() ? 0 : routes.length - 1], params: [] };
  return { route, params: [...(route.params || []), ...params] };
}

function renderShell() {
  document.title = t('app.title');
  document.getElementById('brand').textContent = t('app.title');
  document.querySelector('.skip-link').textContent = t('app.skip');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const active = current().route.path;
  const signedIn = !!session();
  replace(nav, h('ul', {}, routes
    .filter((r) => r.nav && (!r.roles || (signedIn && hasRole(...r.roles))))
    .map((r) => h('li', {}, h('a', { href: `#/${r.path}`, 'aria-current': r.path === active ? 'page' : null }, t(r.nav))))));

  const box = document.getElementById('session');
  const languages = h('select', { 'aria-label': t('lang.label'), onchange: (e) => { setLanguage(e.target.value); route(); } },
    h('option', { value: 'zh', selected: language() === 'zh' }, '中文'),
    h('option', { value: 'en', selected: language() === 'en' }, 'English'));
  const user = session()?.user;
  replace(box, languages, user
    ? [h('a', { href: '#/account' }, t('session.user', { name: user.displayName || user.username })),
      h('button', { type: 'button', onclick: logout }, t('session.logout'))]
    : h('a', { href: '#/login' }, t('session.login')));
}

async function logout() {
  const refreshToken = session()?.refreshToken;
  try {
    if (refreshToken) await run('Logout', { refreshToken });
  } catch {
    // The session ends here either way; the server forgets it when the refresh token expires.
  }
  saveSession(null);
  location.hash = '#/login';
}

async function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  renderShell();
  const { route: target, params } = current();
  const main = document.getElementById('main');
  delete main.dataset.live; // set again by a screen whose live updates are on
  if (target.signedIn && !session()) {
    location.hash = '#/login';
    return;
  }
  replace(main, h('p', { class: 'muted' }, t('common.loading')));
  try {
    cleanup = (await target.screen.render(main, params)) || null;
  } catch (e) {
    replace(main, h('div', { class: 'alert', role: 'alert' }, String(e.message || e)));
  }
}

async function start() {
  setLanguage(language());
  await loadOperations();
  window.addEventListener('hashchange', () => {
    route();
    document.getElementById('main').focus({ preventScroll: true });
  });
  window.addEventListener('session-changed', renderShell);
  await route();
}

start();
