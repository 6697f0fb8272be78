// The feedback desk for submitters: give feedback (answers before asking, attachments), follow a
// ticket by tracking number and access key, answer, rate; status changes arrive live.
import { run, subscribe } from '../api.js';
import { debounce, facts, field, h, replace, select, toast } from '../dom.js';
import { dateTime, errorText, label, language, t } from '../i18n.js';

const DRAFT_KEY = 'fapiao.ticketDraft';
const CATEGORIES = ['MISSING_INVOICE', 'VERIFICATION_PROBLEM', 'TECHNICAL_PROBLEM', 'POLICY_QUESTION', 'COMPLAINT', 'SUGGESTION', 'OTHER'];
const ACCEPTED_FILES = 'image/png,image/jpeg,application/pdf,.png,.jpg,.jpeg,.pdf';

/** Keeps a draft (from the diagnosis) for the feedback form to start from. */
export function startDraft(draft) {
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function render(main, params) {
  if (params[0] === 'new') return newTicket(main);
  return follow(main, params[0] || '', params[1] || '');
}

function newTicket(main) {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null') || {};
  const category = field(t('ticket.category'), select('category', CATEGORIES.map((c) => [c, label('category', c)]), draft.category || 'MISSING_INVOICE'));
  const subject = field(t('ticket.subject'), h('input', { name: 'subject', required: true, maxlength: '200', value: draft.subject || '' }));
  const description = field(t('ticket.description'), h('textarea', { name: 'description', required: true, maxlength: '10000', value: draft.description || '' }));
  const contact = field(t('ticket.contact'), h('input', { name: 'contact', autocomplete: 'email', maxlength: '200' }));
  const reference = field(t('ticket.invoiceReference'), h('input', { name: 'invoiceReference', maxlength: '60', value: draft.invoiceReference || '' }));
  const files = field(t('ticket.attachments'), h('input', { name: 'attachments', type: 'file', accept: ACCEPTED_FILES, multiple: true }));
  const suggestions = h('section', { 'aria-live': 'polite' });
  const message = h('div', { role: 'alert' });
  let suggestionId = null;

  const suggest = debounce(async () => {
    const text = `${subject.control.value} ${description.control.value}`.trim();
    if (text.length < 2) return replace(suggestions);
    try {
      const { suggestArticles: found } = await run('SuggestArticles', { text: text.slice(0, 500), category: category.control.value });
      suggestionId = found.suggestionId;
      const zh = language() === 'zh';
      replace(suggestions, found.articles.length ? h('div', { class: 'notice' }, h('h2', {}, t('ticket.suggestions')),
        found.articles.map((a) => h('details', {}, h('summary', {}, zh ? a.questionZh : a.questionEn), h('p', {}, zh ? a.answerZh : a.answerEn)))) : null);
    } catch {
      replace(suggestions);
    }
  }, 400);
  for (const f of [subject, description]) f.control.addEventListener('input', suggest);
  category.control.addEventListener('change', suggest);

  const submit = h('button', { class: 'primary', type: 'submit' }, t('ticket.submit'));
  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      replace(message);
      try {
        const attachments = await Promise.all([...files.control.files].map(readFile));
        const { submitFeedback: submitted } = await run('SubmitFeedback', {
          input: {
            category: category.control.value, subject: subject.control.value.trim(), description: description.control.value.trim(),
            contact: contact.control.value.trim() || null, invoiceReference: reference.control.value.trim() || null,
            diagnosisFindings: draft.findings || null, suggestionId,
          },
        });
        sessionStorage.removeItem(DRAFT_KEY);
        for (const file of attachments) {
          await run('AddTicketAttachment', { input: { trackingNumber: submitted.trackingNumber, accessKey: submitted.accessKey, fileName: file.name, contentBase64: file.base64 } });
        }
        showSubmitted(main, submitted, attachments.length);
      } catch (failure) {
        replace(message, h('div', { class: 'alert' }, errorText(failure)));
        submit.disabled = false;
      }
    },
  },
  h('div', { class: 'grid' }, category.element, reference.element, contact.element),
  subject.element, description.element, files.element,
  draft.findings?.length ? h('p', { class: 'muted' }, t('ticket.findings', { codes: draft.findings.join(', ') })) : null,
  message, h('div', { class: 'actions' }, submit));

  replace(main, h('h1', {}, t('ticket.new.title')), h('p', { class: 'muted' }, t('ticket.new.intro')), form, suggestions);
  (draft.subject ? description : subject).control.focus();
  if (draft.subject) suggest();
}

function showSubmitted(main, submitted, attachmentCount) {
  const followLink = `#/tickets/${encodeURIComponent(submitted.trackingNumber)}${submitted.accessKey ? `/${encodeURIComponent(submitted.accessKey)}` : ''}`;
  replace(main, h('h1', {}, t('ticket.new.title')), h('section', { class: 'card success', role: 'status' },
    h('p', {}, t('ticket.submitted'), h('span', { class: 'secret', 'data-testid': 'tracking-number' }, submitted.trackingNumber)),
    submitted.accessKey ? h('p', {}, t('ticket.accessKey'), h('span', { class: 'secret', 'data-testid': 'access-key' }, submitted.accessKey)) : null,
    attachmentCount ? h('p', {}, t('ticket.uploaded', { n: attachmentCount })) : null,
    facts([[t('ticket.firstResponseDue'), dateTime(submitted.ticket.firstResponseDue)], [t('ticket.level'), label('level', submitted.ticket.level)]]),
    h('div', { class: 'actions' }, h('a', { href: followLink }, t('ticket.follow')))));
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function follow(main, trackingNumber, accessKey) {
  const number = field(t('ticket.trackingNumber'), h('input', { name: 'trackingNumber', required: true, autocomplete: 'off', value: trackingNumber, maxlength: '24' }));
  const key = field(t('ticket.key'), h('input', { name: 'accessKey', type: 'password', autocomplete: 'off', value: accessKey }));
  const view = h('div', { 'aria-live': 'polite' });
  let stop = null;

  const form = h('form', {
    class: 'card',
    onsubmit: (event) => {
      event.preventDefault();
      open(number.control.value.trim().toUpperCase(), key.control.value.trim() || null);
    },
  }, h('div', { class: 'grid' }, number.element, key.element), h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('ticket.open'))));

  /** Shows the ticket, then follows it: one subscription, each update reloads what is shown. */
  async function open(tn, ak) {
    if (stop) stop();
    stop = null;
    const shown = await load(tn, ak);
    if (!shown) return;
    stop = subscribe('TicketUpdated', { trackingNumber: tn, accessKey: ak }, (update) => {
      toast(update.fromStatus && update.fromStatus !== update.toStatus
        ? `${tn}: ${label('ticketStatus', update.toStatus)}` : `${tn}: ${t('ticket.updated')}`);
      load(tn, ak);
    }, { onOpen: () => load(tn, ak) }); // what changed between the first load and the subscription
  }

  async function load(tn, ak) {
    try {
      const { ticket } = await run('FollowTicket', { trackingNumber: tn, accessKey: ak });
      showTicket(view, ticket, ak, () => load(tn, ak));
      return true;
    } catch (failure) {
      replace(view, h('div', { class: 'alert', role: 'alert' }, errorText(failure)));
      return false;
    }
  }

  replace(main, h('h1', {}, t('ticket.follow.title')), form, view);
  if (trackingNumber) open(trackingNumber, accessKey || null);
  else number.control.focus();
  return () => stop && stop();
}

/** A ticket as its submitter sees it, with the answer and rating forms that apply. */
function showTicket(view, ticket, accessKey, reload) {
  const answer = field(t('ticket.answer'), h('textarea', { name: 'answer', required: true, maxlength: '10000' }));
  const canAnswer = !['CLOSED', 'MERGED'].includes(ticket.status);
  const answerForm = canAnswer ? h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        await run('AnswerTicket', { input: { trackingNumber: ticket.trackingNumber, accessKey, body: answer.control.value.trim() } });
        reload();
      } catch (failure) {
        answer.hint(errorText(failure), 'bad');
      }
    },
  }, answer.element, h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('ticket.send')))) : null;

  let rateForm = null;
  if (ticket.status === 'RESOLVED' && !ticket.rating) {
    const rating = field(t('ticket.rating'), select('rating', [5, 4, 3, 2, 1].map((n) => [String(n), '★'.repeat(n)]), '5'));
    const comment = field(t('ticket.ratingComment'), h('input', { name: 'ratingComment', maxlength: '2000' }));
    rateForm = h('form', {
      class: 'card',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await run('RateTicket', { input: { trackingNumber: ticket.trackingNumber, accessKey, rating: Number(rating.control.value), comment: comment.control.value.trim() || null } });
          reload();
        } catch (failure) {
          comment.hint(errorText(failure), 'bad');
        }
      },
    }, h('h2', {}, t('ticket.rate')), h('div', { class: 'grid' }, rating.element, comment.element),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, t('ticket.rate'))));
  }

  replace(view,
    h('section', { class: 'card', 'data-testid': 'ticket' },
      h('h2', {}, ticket.subject),
      h('p', {}, h('span', { class: `badge ${ticket.status}`, 'data-testid': 'ticket-status' }, label('ticketStatus', ticket.status)),
        ticket.breachedAt ? [' ', h('span', { class: 'badge breached' }, t('ticket.breached'))] : null),
      facts([
        [t('ticket.trackingNumber'), ticket.trackingNumber],
        [t('ticket.category'), label('category', ticket.category)],
        [t('ticket.level'), label('level', ticket.level)],
        [t('ticket.submittedAt'), dateTime(ticket.submittedAt)],
        [t('ticket.firstResponseDue'), dateTime(ticket.firstResponseDue)],
        [t('ticket.resolutionDue'), dateTime(ticket.resolutionDue)],
        [t('ticket.status'), ticket.mergedInto ? t('ticket.merged', { n: ticket.mergedInto }) : null],
        ticket.rating ? [t('ticket.rate'), t('ticket.rated', { n: ticket.rating })] : [null, null],
      ]),
      h('p', {}, ticket.description),
      h('h3', {}, t('ticket.messages')),
      h('ul', { class: 'messages' }, ticket.messages.map((m) => h('li', { class: m.internal ? 'internal' : null },
        h('strong', {}, m.authorName || m.author), ' · ', h('span', { class: 'muted' }, dateTime(m.createdAt)),
        m.internal ? [' ', h('span', { class: 'badge' }, t('ticket.internal'))] : null,
        h('p', {}, m.body)))),
      h('p', { class: 'muted' }, t('ticket.live'))),
    answerForm, rateForm);
}

/** A ticket's history as a table (agents). */
export function showTicketHistory(ticket) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, [t('invoice.changedAt'), t('invoice.changedBy'), t('ticket.history'), t('invoice.reason')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ticket.history.map((e) => h('tr', {},
      h('td', {}, dateTime(e.at)), h('td', {}, e.actorName || e.actor),
      h('td', {}, `${e.change}${e.from || e.to ? `: ${e.from ?? ''} → ${e.to ?? ''}` : ''}`), h('td', {}, e.reason || ''))))));
}
