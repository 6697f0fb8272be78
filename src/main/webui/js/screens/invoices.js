// Invoices: the filtered list with cursor paging, one invoice with its lines and history, issue
// (with a preview), void and red-letter reversal (confirmed after a preview). Status changes made
// anywhere (another user, the tax side, another replica) show live through a subscription.
import { hasRole, run, subscribe } from '../api.js';
import { confirmDialog, facts, field, h, replace, select, table, toast } from '../dom.js';
import { errorText, label, money, percent, t } from '../i18n.js';
import { download } from './reports.js';

const STATUSES = ['NORMAL', 'VOIDED', 'RED_PARTIAL', 'RED_FULL', 'LOST_CONTROL', 'ABNORMAL'];
const PAGE = 20;

export function render(main, params) {
  if (params[0] === 'issue') return issue(main);
  if (params[0]) return details(main, params[0]);
  return list(main);
}

function statusBadge(status) {
  return h('span', { class: `badge ${status}`, 'data-status': status }, label('status', status));
}

/** Follows status changes of the organisation's invoices; `onChange(event)` for each. */
function followStatus(onChange, filter = {}) {
  const main = document.getElementById('main');
  return subscribe('InvoiceStatusChanged', { filter }, (event) => {
    // A new invoice's first status is an event too; only a change is worth a message.
    if (event.fromStatus) toast(t('invoices.changed', { number: event.invoice.number, status: label('status', event.toStatus) }));
    onChange(event);
  }, { onOpen: () => { main.dataset.live = 'true'; } });
}

function list(main) {
  const role = field(t('invoices.role'), select('role', [['', t('invoices.roleAny')], ['SELLER', label('side', 'SELLER')], ['BUYER', label('side', 'BUYER')]], ''));
  const status = field(t('invoices.status'), select('status', [['', t('invoices.statusAny')], ...STATUSES.map((s) => [s, label('status', s)])], ''));
  const from = field(t('invoices.from'), h('input', { type: 'date', name: 'from' }));
  const to = field(t('invoices.to'), h('input', { type: 'date', name: 'to' }));
  const name = field(t('invoices.counterparty'), h('input', { name: 'counterparty', maxlength: '100' }));
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(true) }, t('invoices.more'));
  let after = null;
  const columns = [t('invoice.number'), t('invoice.issueDate'), t('invoice.type'), t('invoice.seller'), t('invoice.buyer'), t('invoice.total'), t('invoice.status')];

  function filter() {
    const f = {};
    if (role.control.value) f.role = role.control.value;
    if (status.control.value) f.status = [status.control.value];
    if (from.control.value) f.issueDateFrom = from.control.value;
    if (to.control.value) f.issueDateTo = to.control.value;
    const text = name.control.value.trim();
    if (text) f[role.control.value === 'BUYER' ? 'sellerNameContains' : 'buyerNameContains'] = text;
    return f;
  }

  async function load(next) {
    if (!next) {
      after = null;
      body.replaceChildren();
    }
    try {
      const { invoices } = await run('InvoicePage', { first: PAGE, after, filter: filter() });
      summary.textContent = invoices.totalCount === 0 ? t('invoices.empty') : t('invoices.count', { n: invoices.totalCount });
      for (const { node: inv } of invoices.edges) {
        const cells = [
          h('a', { href: `#/invoices/${encodeURIComponent(inv.id)}` }, [inv.code, inv.number].filter(Boolean).join(' ')),
          inv.issueDate, inv.type.chineseName, inv.seller.name, inv.buyer.name, money(inv.total), statusBadge(inv.status),
        ];
        body.append(h('tr', { dataset: { invoiceId: inv.id } }, cells.map((cell, i) => h('td', { 'data-label': columns[i], class: i === 5 ? 'num' : null }, cell))));
      }
      after = invoices.pageInfo.endCursor;
      more.hidden = !invoices.pageInfo.hasNextPage;
    } catch (failure) {
      summary.textContent = errorText(failure);
    }
  }

  const form = h('form', { class: 'card', onsubmit: (event) => { event.preventDefault(); load(false); } },
    h('div', { class: 'grid' }, role.element, status.element, from.element, to.element, name.element),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('invoices.apply')),
      hasRole('ISSUER') ? h('a', { href: '#/issue' }, t('nav.issue')) : null));

  replace(main, h('h1', {}, t('invoices.title')), form, summary,
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: i === 5 ? 'num' : null }, c)))), body)),
    h('div', { class: 'actions' }, more), h('p', { class: 'muted' }, t('invoices.live')));
  load(false);

  return followStatus((event) => {
    const row = body.querySelector(`tr[data-invoice-id="${CSS.escape(event.invoice.id)}"]`);
    if (!row) return;
    const cell = row.lastElementChild;
    cell.replaceChildren(statusBadge(event.toStatus));
    cell.classList.remove('flash');
    void cell.offsetWidth;
    cell.classList.add('flash');
  });
}

async function details(main, id) {
  async function load() {
    const { invoice } = await run('InvoiceDetails', { id });
    show(invoice);
  }

  function show(inv) {
    const actions = h('div', { class: 'actions' }, ['PDF', 'XML'].map((format) => h('button', {
      type: 'button', onclick: () => download({ kind: 'INVOICE', format, invoiceId: inv.id }).catch((f) => toast(errorText(f))),
    }, t('invoice.download', { format }))));
    // Fully digital invoices are never voided, only red-reversed (the server refuses it too).
    if (hasRole('ISSUER') && inv.status === 'NORMAL' && inv.generation !== 'DIGITAL' && Number(inv.total) > 0) {
      actions.append(h('button', { type: 'button', class: 'danger', onclick: () => voidIt(inv) }, t('invoice.void')));
    }
    if (hasRole('ISSUER') && ['NORMAL', 'RED_PARTIAL'].includes(inv.status) && Number(inv.remainingAmount) > 0) {
      actions.append(h('button', { type: 'button', class: 'danger', onclick: () => reverse(inv) }, t('invoice.red')));
    }
    replace(main, h('p', {}, h('a', { href: '#/invoices' }, t('invoice.back'))),
      h('h1', {}, `${inv.type.chineseName} ${[inv.code, inv.number].filter(Boolean).join(' ')}`),
      h('section', { class: 'card' },
        h('p', {}, h('span', { id: 'invoice-status' }, statusBadge(inv.status))),
        facts([
          [t('invoice.issueDate'), inv.issueDate],
          [t('invoice.seller'), `${inv.seller.name} (${inv.seller.taxId || ''})`],
          [t('invoice.buyer'), `${inv.buyer.name}${inv.buyer.taxId ? ` (${inv.buyer.taxId})` : ''}`],
          [t('invoice.amount'), money(inv.amount)], [t('invoice.tax'), money(inv.tax)], [t('invoice.total'), money(inv.total)],
          [t('invoice.totalInWords'), inv.totalInWords],
          [t('invoice.remaining'), money(inv.remainingAmount)],
          [t('invoice.remark'), inv.remark],
        ]), actions),
      h('h2', {}, t('invoice.lines')),
      table([t('invoice.item'), t('invoice.quantity'), t('invoice.unitPrice'), t('invoice.amount'), t('invoice.taxRate'), t('invoice.tax')],
        inv.lines.map((l) => [l.itemName, l.quantity ?? '', l.unitPrice ?? '', money(l.amount), percent(l.taxRate), money(l.tax)]), { numeric: [1, 2, 3, 4, 5] }),
      h('h2', {}, t('invoice.history')),
      table([t('invoice.changedAt'), t('invoice.status'), t('invoice.changedBy'), t('invoice.reason')],
        inv.statusHistory.map((c) => [new Date(c.changedAt).toLocaleString(), `${label('status', c.fromStatus) || '—'} → ${label('status', c.toStatus)}`, c.changedBy, c.reason || ''])));
  }

  async function voidIt(inv) {
    const reason = field(t('invoice.voidReason'), h('input', { name: 'voidReason', required: true, maxlength: '200' }));
    if (!(await confirmDialog(t('invoice.void'), h('div', {}, h('p', {}, t('invoice.voidConfirm')), reason.element), t('invoice.void'), t('common.cancel')))) return;
    try {
      await run('VoidInvoice', { input: { id: inv.id, reason: reason.control.value.trim() || '-' } });
      toast(t('invoice.done'));
      await load();
    } catch (failure) {
      toast(errorText(failure));
    }
  }

  async function reverse(inv) {
    const reason = field(t('invoice.redReason'), select('reasonCode', [1, 2, 3, 4].map((n) => [String(n), t(`red.${n}`)]), '1'));
    const amount = field(t('invoice.redAmount'), h('input', { name: 'redAmount', inputmode: 'decimal' }));
    const confirmation = field(t('invoice.redConfirmation'), h('input', { name: 'confirmationNumber', inputmode: 'numeric', maxlength: '20' }));
    const form = h('div', {}, reason.element, amount.element, inv.usedAt ? confirmation.element : null);
    if (!(await confirmDialog(t('invoice.red'), form, t('issue.preview'), t('common.cancel')))) return;
    const value = amount.control.value.trim() || String(inv.remainingAmount);
    if (!(await confirmDialog(t('invoice.red'), h('p', {}, t('invoice.redConfirm', { amount: money(value) })), t('common.yes'), t('common.cancel')))) return;
    try {
      await run('RedReverseInvoice', {
        input: {
          id: inv.id, reasonCode: Number(reason.control.value), amount: amount.control.value.trim() || null,
          confirmationNumber: confirmation.control.value.trim() || null, idempotencyKey: crypto.randomUUID?.() || String(Date.now()),
        },
      });
      toast(t('invoice.done'));
      await load();
    } catch (failure) {
      toast(errorText(failure));
    }
  }

  await load();
  return followStatus(() => load().catch(() => {}), { invoiceId: id });
}

function issue(main) {
  const kind = field(t('issue.kind'), select('kind', [['SPECIAL', t('kind.SPECIAL')], ['ORDINARY', t('kind.ORDINARY')]], 'SPECIAL'));
  const buyerName = field(t('issue.buyerName'), h('input', { name: 'buyerName', required: true, maxlength: '100', autocomplete: 'organization' }));
  const buyerTaxId = field(t('issue.buyerTaxId'), h('input', { name: 'buyerTaxId', maxlength: '20' }));
  const includesTax = h('input', { type: 'checkbox', id: 'includesTax' });
  const lines = h('div');
  const preview = h('div', { 'aria-live': 'polite' });
  const idempotencyKey = crypto.randomUUID?.() || String(Date.now());

  function addLine() {
    const n = lines.children.length + 1;
    const item = field(`${t('issue.item')} ${n}`, h('input', { name: `item${n}`, required: true, maxlength: '100' }));
    const amount = field(`${t('issue.amount')} ${n}`, h('input', { name: `amount${n}`, required: true, inputmode: 'decimal' }));
    const rate = field(`${t('issue.taxRate')} ${n}`, select(`rate${n}`, ['0.13', '0.09', '0.06', '0.03', '0.01', '0'].map((r) => [r, percent(r)]), '0.13'));
    lines.append(h('div', { class: 'grid line' }, item.element, amount.element, rate.element));
  }
  addLine();

  function input() {
    return {
      kind: kind.control.value,
      buyer: { name: buyerName.control.value.trim(), taxId: buyerTaxId.control.value.trim() || null },
      amountsIncludeTax: includesTax.checked,
      idempotencyKey,
      lines: [...lines.children].map((row) => {
        const [item, amount, rate] = row.querySelectorAll('input, select');
        return { itemName: item.value.trim(), amount: amount.value.trim(), taxRate: rate.value };
      }),
    };
  }

  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const { previewInvoice: p } = await run('PreviewInvoice', { input: input() });
        if (!p.valid) {
          replace(preview, p.problems.map((problem) => h('div', { class: 'alert' }, `${problem.field || ''} ${problem.message}`)));
          return;
        }
        replace(preview);
        const body = h('div', {}, facts([[t('invoice.amount'), money(p.amount)], [t('invoice.tax'), money(p.tax)], [t('invoice.total'), money(p.total)], [t('invoice.totalInWords'), p.totalInWords]]));
        if (!(await confirmDialog(t('issue.previewTitle'), body, t('issue.confirm'), t('common.cancel')))) return;
        const { issueInvoice: issued } = await run('IssueInvoice', { input: input() });
        toast(t('issue.issued', { number: issued.number }));
        location.hash = `#/invoices/${encodeURIComponent(issued.id)}`;
      } catch (failure) {
        replace(preview, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
      }
    },
  },
  h('div', { class: 'grid' }, kind.element, buyerName.element, buyerTaxId.element),
  h('div', { class: 'field' }, h('label', { for: 'includesTax' }, includesTax, ' ', t('issue.includesTax'))),
  lines,
  h('div', { class: 'actions' }, h('button', { type: 'button', onclick: addLine }, t('issue.addLine')), h('button', { class: 'primary', type: 'submit' }, t('issue.preview'))),
  preview);
  replace(main, h('h1', {}, t('issue.title')), form);
}
