// Log in (with a one-time code when the account has a second factor), change password.
import { run, saveSession, session } from '../api.js';
import { field, h, replace, facts } from '../dom.js';
import { errorText, label, t } from '../i18n.js';

export function render(main, params) {
  return params[0] === 'account' ? account(main) : login(main);
}

function login(main) {
  const username = field(t('login.username'), h('input', { name: 'username', autocomplete: 'username', required: true }));
  const password = field(t('login.password'), h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }));
  const otp = field(t('login.otp'), h('input', { name: 'otp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6' }),
    { hint: t('login.otpHint') });
  otp.element.hidden = true;
  const message = h('div', { role: 'alert' });
  const submit = h('button', { class: 'primary', type: 'submit' }, t('login.submit'));

  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      replace(message);
      try {
        const data = await run('Login', {
          username: username.control.value.trim(),
          password: password.control.value,
          otp: otp.element.hidden ? null : otp.control.value.trim() || null,
        });
        saveSession(data.login);
        location.hash = '#/verify';
      } catch (failure) {
        if (failure.code === 'OTP_REQUIRED' || failure.code === 'INVALID_OTP') {
          otp.element.hidden = false;
          otp.control.focus();
        }
        replace(message, h('div', { class: 'alert' }, errorText(failure)));
      } finally {
        submit.disabled = false;
      }
    },
  }, username.element, password.element, otp.element, message, h('div', { class: 'actions' }, submit));

  replace(main, h('h1', {}, t('login.title')), form,
    h('p', { class: 'muted' }, t('login.anonymous'), ' ',
      h('a', { href: '#/feedback' }, t('nav.newTicket')), ' · ', h('a', { href: '#/tickets' }, t('nav.tickets'))));
  username.control.focus();
}

function account(main) {
  const user = session().user;
  const oldPassword = field(t('account.oldPassword'), h('input', { type: 'password', autocomplete: 'current-password', required: true }));
  const newPassword = field(t('account.newPassword'), h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: '8' }));
  const message = h('div', { role: 'status' });
  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        await run('ChangePassword', { oldPassword: oldPassword.control.value, newPassword: newPassword.control.value });
        form.reset();
        replace(message, h('div', { class: 'success' }, t('account.changed')));
      } catch (failure) {
        replace(message, h('div', { class: 'alert' }, errorText(failure)));
      }
    },
  }, h('h2', {}, t('account.change')), oldPassword.element, newPassword.element, message,
  h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('account.change'))));

  replace(main, h('h1', {}, t('account.title')),
    h('section', { class: 'card' }, facts([
      [t('login.username'), user.username],
      [t('account.roles'), user.roles.map((r) => label('roleName', r)).join(', ')],
    ])), form);
}
