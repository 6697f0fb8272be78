// The feedback desk for agents: the queue with SLA clocks and breaches, a ticket with its full
// history and internal notes, the workflow's moves, replies.
import { run } from '../api.js';
import { dateTime, errorText, label, t } from '../i18n.js';
import { facts, field, h, replace, select, toast } from '../dom.js';
import { showTicketHistory } from './tickets.js';

const STATUSES = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_SUBMITTER', 'RESOLVED', 'CLOSED'];
/** The moves an agent can make from each status (the server's workflow table decides). */
const MOVES = {
  NEW: ['ACKNOWLEDGE', 'START_WORK'],
  ACKNOWLEDGED: ['START_WORK', 'RESOLVE'],
  IN_PROGRESS: ['RESOLVE'],
  WAITING_ON_SUBMITTER: ['RESOLVE'],
  RESOLVED: ['CLOSE', 'REOPEN'],
  CLOSED: ['REOPEN'],
};
const PAGE = 25;

export function render(main, params) {
  return params[0] ? ticket(main, params[0]) : queue(main);
}

function queue(main) {
  const status = field(t('desk.filter.status'), select('status', [['', t('invoices.statusAny')], ...STATUSES.map((s) => [s, label('ticketStatus', s)])], ''));
  const breached = h('input', { type: 'checkbox', name: 'breached', id: 'breached' });
  const list = h('div', { 'aria-live': 'polite' });
  let after = null;
  let rows = [];

  async function load(more) {
    if (!more) {
      after = null;
      rows = [];
    }
    const filter = {};
    if (status.control.value) filter.status = [status.control.value];
    if (breached.checked) filter.breached = true;
    try {
      const { tickets } = await run('TicketQueue', { first: PAGE, after, filter });
      rows = rows.concat(tickets.edges.map((e) => e.node));
      after = tickets.pageInfo.endCursor;
      const now = Date.now();
      replace(list, rows.length === 0 ? h('p', {}, t('desk.empty')) : h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, [t('ticket.trackingNumber'), t('ticket.subject'), t('ticket.status'), t('ticket.level'), t('ticket.firstResponseDue'), t('ticket.assignee')]
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', { 'data-label': t('ticket.trackingNumber') }, h('a', { href: `#/desk/${encodeURIComponent(r.trackingNumber)}` }, r.trackingNumber)),
          h('td', { 'data-label': t('ticket.subject') }, r.subject),
          h('td', { 'data-label': t('ticket.status') }, h('span', { class: `badge ${r.status}` }, label('ticketStatus', r.status)),
            r.breached ? [' ', h('span', { class: 'badge breached' }, t('ticket.breached'))] : null),
          h('td', { 'data-label': t('ticket.level') }, label('level', r.level)),
          h('td', { 'data-label': t('ticket.firstResponseDue') }, r.firstRespondedAt ? '✓' : clock(r.firstResponseDue, now)),
          h('td', { 'data-label': t('ticket.assignee') }, r.assignee || r.team || '')))))),
      tickets.pageInfo.hasNextPage ? h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => load(true) }, t('desk.more'))) : null);
    } catch (failure) {
      replace(list, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  const form = h('form', { class: 'card', onsubmit: (event) => { event.preventDefault(); load(false); } },
    h('div', { class: 'grid' }, status.element,
      h('div', { class: 'field' }, h('label', { for: 'breached' }, breached, ' ', t('desk.filter.breached')))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('desk.refresh'))));
  replace(main, h('h1', {}, t('desk.title')), form, list);
  load(false);
  const timer = setInterval(() => load(false), 60000);
  return () => clearInterval(timer);
}

/** Time left until a due time ("2 h 5 min"), or how long ago it passed. */
function clock(due, now) {
  const minutes = Math.round((new Date(due).getTime() - now) / 60000);
  const text = Math.abs(minutes) >= 60 ? `${Math.trunc(Math.abs(minutes) / 60)} h ${Math.abs(minutes) % 60} min` : `${Math.abs(minutes)} min`;
  return h('span', { class: minutes < 0 ? 'badge breached' : null, title: dateTime(due) }, minutes < 0 ? `-${text}` : text);
}

/** Shows an attachment in a new tab (a blob URL: the file never gets a URL of its own). */
async function openAttachment(trackingNumber, id) {
  const opened = window.open('', '_blank');
  try {
    const { ticketAttachment: file } = await run('TicketAttachment', { trackingNumber, accessKey: null, id });
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
    opened.location.href = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  } catch (failure) {
    opened?.close();
    toast(errorText(failure));
  }
}

async function ticket(main, trackingNumber) {
  async function load() {
    try {
      const { ticket: data } = await run('FollowTicket', { trackingNumber, accessKey: null });
      show(data);
    } catch (failure) {
      replace(main, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
    }
  }

  async function move(id, action) {
    try {
      await run('MoveTicket', { input: { id, action } });
      toast(label('action', action));
      await load();
    } catch (failure) {
      toast(errorText(failure));
    }
  }

  function show(data) {
    const reply = field(t('desk.reply'), h('textarea', { name: 'reply', required: true, maxlength: '10000' }));
    const internal = h('input', { type: 'checkbox', id: 'internal' });
    const ask = h('input', { type: 'checkbox', id: 'ask' });
    const replyForm = h('form', {
      class: 'card',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await run('ReplyToTicket', { input: { id: data.id, body: reply.control.value.trim(), internal: internal.checked, askSubmitter: ask.checked } });
          await load();
        } catch (failure) {
          reply.hint(errorText(failure), 'bad');
        }
      },
    }, reply.element,
    h('div', { class: 'field' }, h('label', { for: 'internal' }, internal, ' ', t('desk.internalNote'))),
    h('div', { class: 'field' }, h('label', { for: 'ask' }, ask, ' ', t('desk.askSubmitter'))),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('ticket.send'))));

    replace(main, h('p', {}, h('a', { href: '#/desk' }, t('desk.back'))),
      h('h1', {}, `${data.trackingNumber} · ${data.subject}`),
      h('section', { class: 'card' },
        h('p', {}, h('span', { class: `badge ${data.status}`, 'data-testid': 'ticket-status' }, label('ticketStatus', data.status)),
          data.breachedAt ? [' ', h('span', { class: 'badge breached' }, t('ticket.breached'))] : null),
        facts([
          [t('ticket.category'), label('category', data.category)],
          [t('ticket.level'), label('level', data.level)],
          [t('ticket.submittedAt'), dateTime(data.submittedAt)],
          [t('ticket.firstResponseDue'), data.firstRespondedAt ? `✓ ${dateTime(data.firstRespondedAt)}` : dateTime(data.firstResponseDue)],
          [t('ticket.resolutionDue'), dateTime(data.resolutionDue)],
          [t('ticket.assignee'), data.assignee || data.team],
          [t('ticket.contact'), data.contact],
          [t('ticket.invoiceReference'), data.invoiceReference],
          [t('ticket.findings', { codes: '' }), data.diagnosisFindings.join(', ')],
        ]),
        data.attachments.length ? h('ul', { 'aria-label': t('ticket.attachments') }, data.attachments.map((a) => h('li', {},
          h('button', { type: 'button', onclick: () => openAttachment(data.trackingNumber, a.id) }, a.fileName),
          ' ', h('span', { class: 'muted' }, `${a.mediaType}, ${Math.ceil(a.sizeBytes / 1024)} KiB`)))) : null,
        h('p', {}, data.description),
        h('div', { class: 'actions', 'aria-label': t('desk.actions') },
          (MOVES[data.status] || []).map((action) => h('button', { type: 'button', onclick: () => move(data.id, action) }, label('action', action))))),
      h('h2', {}, t('ticket.messages')),
      h('ul', { class: 'messages' }, data.messages.map((m) => h('li', { class: m.internal ? 'internal' : null },
        h('strong', {}, m.authorName || m.author), ' · ', h('span', { class: 'muted' }, dateTime(m.createdAt)),
        m.internal ? [' ', h('span', { class: 'badge' }, t('ticket.internal'))] : null, h('p', {}, m.body)))),
      ['CLOSED', 'MERGED'].includes(data.status) ? null : replyForm,
      h('h2', {}, t('ticket.history')), showTicketHistory(data));
  }

  await load();
}
