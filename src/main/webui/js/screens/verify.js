// Find or verify an invoice, with live hints from the public helpers as the user types; when it
// cannot be found, the diagnosis in plain words, near matches to pick from, and a ticket draft.
import { run, session } from '../api.js';
import { debounce, facts, field, h, replace } from '../dom.js';
import { errorText, label, language, money, t } from '../i18n.js';
import { startDraft } from './tickets.js';

export function render(main) {
  const code = field(t('verify.code'), h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'off', maxlength: '12' }));
  const number = field(t('verify.number'), h('input', { name: 'number', inputmode: 'numeric', autocomplete: 'off', maxlength: '20', required: true }));
  const issueDate = field(t('verify.issueDate'), h('input', { name: 'issueDate', type: 'date', required: true }));
  const amount = field(t('verify.amount'), h('input', { name: 'amount', inputmode: 'decimal', autocomplete: 'off' }));
  const total = field(t('verify.total'), h('input', { name: 'total', inputmode: 'decimal', autocomplete: 'off' }));
  const checkCode = field(t('verify.checkCode'), h('input', { name: 'checkCode', autocomplete: 'off', maxlength: '6' }));
  const sellerTaxId = field(t('verify.sellerTaxId'), h('input', { name: 'sellerTaxId', autocomplete: 'off', maxlength: '20' }));
  const sellerName = field(t('verify.sellerName'), h('input', { name: 'sellerName', autocomplete: 'organization' }));
  const outcome = h('div', { id: 'outcome', 'aria-live': 'polite' });

  hint(code, 'DecodeInvoiceCode', (v) => ({ code: v }), (d) => d.decodeInvoiceCode, (info) => [
    info.region && t('hint.region', { region: regionName(info.region) }),
    info.type && t('hint.type', { type: info.type.chineseName }),
    info.printYear && t('hint.printYear', { year: info.printYear }),
  ]);
  hint(number, 'DecodeInvoiceNumber', (v) => ({ number: v }), (d) => d.decodeInvoiceNumber, (info) => [
    info.region && t('hint.region', { region: regionName(info.region) }),
    info.generation && t('hint.generation', { generation: label('generation', info.generation) }),
  ]);
  for (const money of [amount, total]) {
    hint(money, 'AmountInWords', (v) => ({ amount: v }), (d) => d.amountInWords, (info) => [t('hint.words', { words: info.words })]);
  }
  hint(sellerTaxId, 'ValidateTaxId', (v) => ({ taxId: v }), (d) => d.validateTaxId, (info) => [
    t('hint.validTaxId', { kind: info.kind }),
    info.region && t('hint.region', { region: regionName(info.region) }),
  ], (info) => info.expectedCheckCharacter && t('hint.expectedCheck', { c: info.expectedCheckCharacter }));

  const verifyButton = h('button', { class: 'primary', type: 'submit' }, t('verify.submit'));
  const diagnoseButton = h('button', { type: 'button', onclick: () => diagnose() }, t('verify.diagnose'));
  const form = h('form', { class: 'card', onsubmit: (event) => { event.preventDefault(); verify(); } },
    h('div', { class: 'grid' }, code.element, number.element, issueDate.element, amount.element, total.element,
      checkCode.element, sellerTaxId.element, sellerName.element),
    h('div', { class: 'actions' }, verifyButton, diagnoseButton));

  const blank = (f) => f.control.value.trim() || null;

  async function verify() {
    if (!session()) return replace(outcome, h('div', { class: 'notice' }, t('verify.loginFirst'), ' ', h('a', { href: '#/login' }, t('session.login'))));
    replace(outcome, h('p', { class: 'muted' }, t('common.loading')));
    try {
      const { verifyInvoice: result } = await run('VerifyInvoice', {
        input: {
          code: blank(code), number: number.control.value.trim(), issueDate: issueDate.control.value || null,
          amountExcludingTax: blank(amount), totalIncludingTax: blank(total), checkCodeLast6: blank(checkCode),
        },
      });
      const invoice = result.invoice;
      replace(outcome, h('section', { class: 'card' },
        h('h2', {}, t('verify.outcome')),
        h('p', {}, h('span', { class: `badge ${result.outcome}` }, label('outcome', result.outcome))),
        result.mismatchedFields.length ? h('p', {}, t('verify.mismatched', { fields: result.mismatchedFields.join(', ') })) : null,
        result.problems.map((p) => h('div', { class: 'alert' }, p.message)),
        result.warnings.map((w) => h('div', { class: 'notice' }, w.message)),
        invoice ? facts([
          [t('invoice.type'), invoice.type.chineseName],
          [t('invoice.code'), invoice.code], [t('invoice.number'), invoice.number],
          [t('invoice.issueDate'), invoice.issueDate],
          [t('invoice.seller'), invoice.seller.name], [t('invoice.buyer'), invoice.buyer.name],
          [t('invoice.amount'), money(invoice.amount)], [t('invoice.tax'), money(invoice.tax)], [t('invoice.total'), money(invoice.total)],
          [t('invoice.status'), label('status', invoice.status)],
        ]) : null,
        result.verificationsLeftToday !== null ? h('p', { class: 'muted' }, t('verify.left', { n: result.verificationsLeftToday })) : null,
        result.outcome === 'NOT_FOUND' || result.outcome === 'MISMATCH'
          ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: () => diagnose() }, t('verify.diagnose'))) : null));
    } catch (failure) {
      replace(outcome, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  async function diagnose() {
    if (!session()) return replace(outcome, h('div', { class: 'notice' }, t('verify.loginFirst'), ' ', h('a', { href: '#/login' }, t('session.login'))));
    replace(outcome, h('p', { class: 'muted' }, t('common.loading')));
    try {
      const { diagnoseInvoice: diagnosis } = await run('DiagnoseInvoice', {
        input: {
          code: blank(code), number: blank(number), issueDate: issueDate.control.value || null,
          amount: blank(amount), sellerTaxId: blank(sellerTaxId), sellerName: blank(sellerName),
        },
      });
      showDiagnosis(diagnosis);
    } catch (failure) {
      replace(outcome, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  function showDiagnosis(diagnosis) {
    const zh = language() === 'zh';
    replace(outcome, h('section', { class: 'card', 'aria-labelledby': 'diagnosis-title' },
      h('h2', { id: 'diagnosis-title' }, t('diagnosis.title')),
      diagnosis.findings.length === 0 ? h('p', {}, t('diagnosis.none')) : h('ul', { class: 'findings' }, diagnosis.findings.map((f) => h('li', {},
        h('span', { class: `badge ${f.severity}` }, label('severity', f.severity)), ' ',
        h('strong', {}, zh ? f.messageZh : f.messageEn),
        h('p', {}, t('diagnosis.nextStep'), zh ? f.nextStepZh : f.nextStepEn)))),
      diagnosis.nearMatches.length ? [
        h('h3', {}, t('diagnosis.nearMatches')),
        h('ul', { class: 'findings' }, diagnosis.nearMatches.map((m) => h('li', {},
          h('strong', {}, [m.invoice.code, m.invoice.number].filter(Boolean).join(' ')), ' · ', m.invoice.issueDate, ' · ',
          money(m.invoice.total), ' · ', m.invoice.seller.name, h('br'),
          h('span', { class: 'muted' }, label('near', m.kind)), ' ',
          h('button', { type: 'button', onclick: () => pick(m.invoice) }, t('diagnosis.pick'))))),
      ] : null,
      h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'primary',
        onclick: () => {
          startDraft({ ...(diagnosis.ticketDraft || ownDraft(diagnosis)), findings: diagnosis.findings.map((f) => f.code), invoiceReference: reference() });
          location.hash = '#/feedback';
        },
      }, t('diagnosis.openTicket')))));
    outcome.querySelector('h2').focus?.();
  }

  function reference() {
    return [blank(code), blank(number)].filter(Boolean).join(' ') || null;
  }

  /** The server drafts a ticket only when nothing explains the miss; otherwise the console drafts one. */
  function ownDraft(diagnosis) {
    const zh = language() === 'zh';
    return {
      category: 'MISSING_INVOICE',
      subject: t('diagnosis.draftSubject', { number: reference() || '-' }),
      description: [t('diagnosis.draftIntro'), `${t('verify.issueDate')}: ${issueDate.control.value || '-'}`,
        ...diagnosis.findings.map((f) => `- ${zh ? f.messageZh : f.messageEn}`)].join('\n'),
    };
  }

  function pick(invoice) {
    code.control.value = invoice.code || '';
    number.control.value = invoice.number;
    issueDate.control.value = invoice.issueDate;
    for (const f of [code, number]) f.control.dispatchEvent(new Event('input'));
    verify();
  }

  replace(main, h('h1', {}, t('verify.title')), h('p', { class: 'muted' }, t('verify.intro')), form, outcome);
  number.control.focus();
}

function regionName(region) {
  return language() === 'zh' ? region.chineseName : region.name;
}

/**
 * Asks a public helper about a field's value as the user types (after a pause), and shows what it
 * says under the field: what the value means, or what is wrong with it. Answers that arrive after a
 * newer keystroke are dropped.
 */
function hint(f, operation, variables, pick, good, extraProblem = () => null) {
  let latest = 0;
  const ask = debounce(async () => {
    const value = f.control.value.trim();
    const asked = ++latest;
    if (!value) return f.hint('');
    try {
      const info = pick(await run(operation, variables(value)));
      if (asked !== latest) return;
      if (info.valid) f.hint(good(info).filter(Boolean).join(' · '), 'good');
      else f.hint([...info.problems.map((p) => p.message), extraProblem(info)].filter(Boolean).join(' · '), 'bad');
    } catch (failure) {
      if (asked === latest) f.hint(errorText(failure), 'bad');
    }
  }, 300);
  f.control.addEventListener('input', ask);
}
