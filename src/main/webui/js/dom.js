// Small DOM helpers: elements are built with h(), never from HTML strings, so that text from the
// server (names, ticket messages) can never become markup.

/** An element: h('button', { class: 'primary', onclick }, 'text', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value') element.value = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldSequence = 0;

/**
 * A labelled form field with a hint line under it that screen readers announce with the field.
 * `control` is an input, select or textarea; the returned object gives both and a setter for the hint.
 */
export function field(label, control, { hint = '' } = {}) {
  const id = control.id || `f${++fieldSequence}`;
  control.id = id;
  const hintLine = h('div', { class: 'hint', id: `${id}-hint`, 'aria-live': 'polite' }, hint);
  control.setAttribute('aria-describedby', hintLine.id);
  const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), control, hintLine);
  return {
    element: wrapper,
    control,
    hint(text, kind = '') {
      hintLine.textContent = text || '';
      hintLine.className = `hint ${kind}`;
      if (kind === 'bad') control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** A select of values with labels: options as [[value, label], ...]. */
export function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** Runs fn after the user paused typing for `ms`; calls made meanwhile are dropped. */
export function debounce(fn, ms = 250) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A short message in the corner, announced to screen readers. */
export function toast(text) {
  const box = document.getElementById('toasts');
  const item = h('div', { class: 'toast' }, text);
  box.append(item);
  while (box.children.length > 3) box.firstElementChild.remove(); // the newest three, never a wall
  setTimeout(() => item.remove(), 6000);
}

/** A modal confirmation with a body; resolves true when confirmed. Focus returns where it was. */
export function confirmDialog(title, body, confirmLabel, cancelLabel) {
  return new Promise((resolve) => {
    const previous = document.activeElement;
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' },
      h('h2', { id: 'dialog-title' }, title),
      body,
      h('div', { class: 'actions' },
        h('button', { class: 'primary', value: 'yes', onclick: () => close(true) }, confirmLabel),
        h('button', { value: 'no', onclick: () => close(false) }, cancelLabel)));
    function close(answer) {
      dialog.close();
      dialog.remove();
      if (previous && previous.focus) previous.focus();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A read-only definition list from [[term, value], ...] (null values are left out). */
export function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A table whose cells carry their column's label, so that phones show them as cards. */
export function table(columns, rows, { caption, numeric = [] } = {}) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
    caption ? h('caption', { class: 'muted' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, c)))),
    h('tbody', {}, rows.map((row) => row instanceof Node ? row
      : h('tr', {}, row.map((cell, i) => h('td', { 'data-label': columns[i], class: numeric.includes(i) ? 'num' : null }, cell)))))));
}
