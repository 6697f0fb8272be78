// Reports for accountants and auditors: statistics for a chosen period and grouping (table and the
// monthly trend chart), the monthly VAT summary, and downloads (CSV, XLSX) through signed links.
import { run } from '../api.js';
import { facts, field, h, replace, select, table } from '../dom.js';
import { errorText, label, money, percent, t } from '../i18n.js';

const GROUPINGS = ['STATUS', 'TAX_RATE', 'TYPE', 'MONTH', 'ROLE', 'SELLER', 'BUYER', 'DIRECTION', 'SOURCE'];

/** Opens a signed download link: the browser fetches the file itself, no token in the URL bar. */
export async function download(input) {
  const { createDownloadLink: link } = await run('CreateDownloadLink', { input });
  const anchor = h('a', { href: new URL(link.path, document.baseURI).toString(), download: link.fileName, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  return link;
}

export function render(main) {
  const today = new Date();
  const kind = field(t('reports.kind'), select('periodKind', ['MONTH', 'QUARTER', 'YEAR', 'RANGE'].map((k) => [k, label('period', k)]), 'MONTH'));
  const year = field(t('reports.year'), h('input', { name: 'year', type: 'number', min: '2000', max: '2100', value: String(today.getFullYear()) }));
  const month = field(t('reports.month'), h('input', { name: 'month', type: 'number', min: '1', max: '12', value: String(today.getMonth() + 1) }));
  const quarter = field(t('reports.quarter'), h('input', { name: 'quarter', type: 'number', min: '1', max: '4', value: String(Math.floor(today.getMonth() / 3) + 1) }));
  const from = field(t('reports.from'), h('input', { name: 'from', type: 'date' }));
  const to = field(t('reports.to'), h('input', { name: 'to', type: 'date' }));
  const side = field(t('reports.side'), select('side', [['', label('side', 'ANY')], ['SELLER', label('side', 'SELLER')], ['BUYER', label('side', 'BUYER')]], ''));
  const groups = GROUPINGS.map((g) => h('input', { type: 'checkbox', name: 'groupBy', value: g, id: `group-${g}`, checked: g === 'STATUS' || g === 'TAX_RATE' }));
  const results = h('div', { 'aria-live': 'polite' });
  const chart = h('div');
  const vat = h('div', { 'aria-live': 'polite' });

  function showPeriodFields() {
    const k = kind.control.value;
    month.element.hidden = k !== 'MONTH';
    quarter.element.hidden = k !== 'QUARTER';
    year.element.hidden = k === 'RANGE';
    from.element.hidden = to.element.hidden = k !== 'RANGE';
  }
  kind.control.addEventListener('change', showPeriodFields);
  showPeriodFields();

  function period() {
    const k = kind.control.value;
    const p = { kind: k };
    if (k === 'RANGE') Object.assign(p, { from: from.control.value || null, to: to.control.value || null });
    else p.year = Number(year.control.value);
    if (k === 'MONTH') p.month = Number(month.control.value);
    if (k === 'QUARTER') p.quarter = Number(quarter.control.value);
    return p;
  }

  /** The first and last day of the chosen period (for the register, chart and VAT summary links). */
  function days() {
    const p = period();
    if (p.kind === 'RANGE') return { from: p.from, to: p.to };
    const pad = (n) => String(n).padStart(2, '0');
    const [firstMonth, lastMonth] = p.kind === 'MONTH' ? [p.month, p.month] : p.kind === 'QUARTER' ? [p.quarter * 3 - 2, p.quarter * 3] : [1, 12];
    const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
    return { from: `${p.year}-${pad(firstMonth)}-01`, to: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
  }

  async function statistics() {
    const groupBy = groups.filter((g) => g.checked).map((g) => g.value);
    const filter = side.control.value ? { role: side.control.value } : null;
    try {
      const { invoiceStatistics: s } = await run('InvoiceStatistics', { input: { period: period(), groupBy, filter } });
      const columns = [...s.groupBy.map((g) => label('group', g)), t('reports.count'), t('invoice.amount'), t('invoice.tax'), t('invoice.total')];
      const numeric = [0, 1, 2, 3].map((i) => s.groupBy.length + i);
      const key = (row, g) => ({
        STATUS: label('status', row.status), TAX_RATE: percent(row.taxRate), TYPE: row.type, MONTH: row.month,
        ROLE: label('role', row.role), SELLER: row.sellerName || row.sellerTaxId, BUYER: row.buyerName || row.buyerTaxId,
        DIRECTION: label('direction', row.direction), SOURCE: row.source,
      })[g] ?? '';
      const rows = s.rows.map((row) => [...s.groupBy.map((g) => key(row, g)), row.count, money(row.amount), money(row.tax), money(row.total)]);
      const totals = h('tr', { class: 'totals' }, [...s.groupBy.map((_, i) => (i === 0 ? t('reports.totals') : '')), s.totals.count,
        money(s.totals.amount), money(s.totals.tax), money(s.totals.total)].map((cell, i) => h('td', { 'data-label': columns[i], class: numeric.includes(i) ? 'num' : null }, cell)));
      const statistics = { period: period(), groupBy, filter };
      const files = h('div', { class: 'actions' }, ['CSV', 'XLSX'].map((format) => h('button', {
        type: 'button', onclick: () => download({ kind: 'INVOICE_STATISTICS', format, statistics }).catch((f) => replace(downloadMessage, h('div', { class: 'alert' }, errorText(f)))),
      }, t('reports.download', { what: t('reports.statistics'), format }))));
      replace(results, h('h2', {}, `${t('reports.statistics')} ${s.period.from} – ${s.period.to}`),
        table(columns, [...rows, totals], { numeric }), files);
      await trend();
    } catch (failure) {
      replace(results, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  async function trend() {
    const { from: start, to: end } = days();
    try {
      const { createDownloadLink: link } = await run('CreateDownloadLink', { input: { kind: 'MONTHLY_TREND', format: 'SVG', from: start, to: end } });
      replace(chart, h('h2', {}, t('reports.chart')),
        h('img', { class: 'chart', src: new URL(link.path, document.baseURI).toString(), alt: t('reports.chart'), width: '800', height: '400' }));
    } catch (failure) {
      replace(chart, h('div', { class: 'alert' }, errorText(failure)));
    }
  }

  async function vatSummary() {
    const p = period();
    const m = p.kind === 'MONTH' ? p.month : Number(month.control.value);
    try {
      const { vatSummary: v } = await run('VatSummary', { year: p.year || today.getFullYear(), month: m });
      replace(vat, h('section', { class: 'card' }, h('h2', {}, `${t('reports.vat')} ${v.period.from} – ${v.period.to}`),
        facts([
          [t('vat.outputTax'), money(v.outputTax)], [t('vat.outputTaxSpecial'), money(v.outputTaxSpecial)], [t('vat.outputTaxOther'), money(v.outputTaxOther)],
          [t('vat.inputTax'), money(v.inputTax)], [t('vat.transferredOut'), money(v.transferredOut)],
          [t('vat.creditBroughtForward'), money(v.creditBroughtForward)], [t('vat.payable'), money(v.payable)],
          [t('vat.creditCarriedForward'), money(v.creditCarriedForward)], [t('vat.filingDueDate'), v.filingDueDate],
        ]),
        v.outputTaxByRate.length ? table([t('invoice.taxRate'), t('invoice.amount'), t('invoice.tax')],
          v.outputTaxByRate.map((r) => [percent(r.rate), money(r.amount), money(r.tax)]), { numeric: [1, 2] }) : null,
        h('div', { class: 'actions' }, ['CSV', 'XLSX'].map((format) => h('button', {
          type: 'button', onclick: () => download({ kind: 'VAT_SUMMARY', format, from: v.period.from }).catch((f) => replace(downloadMessage, errorText(f))),
        }, t('reports.download', { what: t('reports.vat'), format }))))));
    } catch (failure) {
      replace(vat, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  const downloadMessage = h('div', { role: 'alert' });
  const downloads = h('section', { class: 'card' }, h('h2', {}, t('reports.downloads')),
    h('div', { class: 'actions' }, ['CSV', 'XLSX'].map((format) => h('button', {
      type: 'button',
      onclick: () => download({ kind: 'INVOICE_REGISTER', format, ...days(), side: side.control.value || null })
        .then(() => replace(downloadMessage)).catch((f) => replace(downloadMessage, h('div', { class: 'alert' }, errorText(f)))),
    }, t('reports.download', { what: t('reports.register'), format })))), downloadMessage);

  const form = h('form', { class: 'card', onsubmit: (event) => { event.preventDefault(); statistics(); } },
    h('div', { class: 'grid' }, kind.element, year.element, month.element, quarter.element, from.element, to.element, side.element),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('reports.groupBy')),
      groups.map((g) => h('label', { for: g.id }, g, ' ', label('group', g.value)))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('reports.run')),
      h('button', { type: 'button', onclick: vatSummary }, t('reports.vatRun'))));

  replace(main, h('h1', {}, t('reports.title')), form, results, chart, vat, downloads);
}
