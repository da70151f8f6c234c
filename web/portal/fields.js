/**
 * Form pieces with their accessibility wiring done once: a visible label, help text and
 * an error message joined to the control by aria-describedby, aria-invalid when wrong,
 * and an error summary whose links move focus to the field.
 */
import { h } from './dom.js';

function describe(control, ids) {
  const value = ids.filter(Boolean).join(' ');
  if (value) control.setAttribute('aria-describedby', value);
  else control.removeAttribute('aria-describedby');
}

function errorContent(el, message) {
  el.replaceChildren(h('span', { className: 'visually-hidden' }, 'Error: '), message);
}

/** A labelled control: input, select or textarea. */
export function field({ id, label, help, control, className = '', labelExtra = null }) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  control.id = id;
  const helpEl = h('p', { className: 'help', id: helpId, hidden: !help }, help ?? '');
  const errorEl = h('p', { className: 'field-error', id: errorId, hidden: true });
  const wrap = h('div', { className: `field ${className}`.trim() }, h('label', { for: id }, label, labelExtra), helpEl, errorEl, control);
  let error = '';
  const wire = () => describe(control, [helpEl.hidden ? null : helpId, error ? errorId : null]);
  wire();
  return {
    wrap,
    input: control,
    focusTarget: control,
    get error() {
      return error;
    },
    setError(message) {
      error = message || '';
      errorEl.hidden = !error;
      if (error) errorContent(errorEl, error);
      else errorEl.replaceChildren();
      if (error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      wrap.classList.toggle('has-error', Boolean(error));
      wire();
    },
    setHelp(text) {
      if (helpEl.textContent !== (text ?? '')) helpEl.textContent = text ?? '';
      helpEl.hidden = !text;
      wire();
    },
  };
}

export function input(attrs = {}) {
  return h('input', { type: 'text', ...attrs });
}

export function numberInput({ min, max, ...attrs } = {}) {
  return h('input', { type: 'number', inputmode: 'numeric', step: 1, min, max, className: 'input-short', ...attrs });
}

export function select(options, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

/** Radio buttons in a fieldset; each option may have a hint under its label. */
export function radioGroup({ name, legend, help, options, value, className = '' }) {
  const helpId = `${name}-help`;
  const errorId = `${name}-error`;
  const helpEl = help ? h('p', { className: 'help', id: helpId }, help) : null;
  const errorEl = h('p', { className: 'field-error', id: errorId, hidden: true });
  const inputs = [];
  const items = options.map((o) => {
    const id = `${name}-${o.value}`;
    const hintId = o.hint ? `${id}-hint` : null;
    const radio = h('input', { type: 'radio', name, id, value: o.value, checked: o.value === value, 'aria-describedby': hintId });
    inputs.push(radio);
    return h(
      'div',
      { className: 'choice' },
      radio,
      h('label', { for: id }, o.label),
      o.hint ? h('p', { className: 'help choice-hint', id: hintId }, o.hint) : null,
    );
  });
  const wrap = h(
    'fieldset',
    { className: `field radio-group ${className}`.trim(), 'aria-describedby': helpEl ? helpId : null },
    h('legend', {}, legend),
    helpEl,
    errorEl,
    h('div', { className: 'choices' }, items),
  );
  let error = '';
  return {
    wrap,
    inputs,
    get focusTarget() {
      return inputs.find((i) => i.checked) ?? inputs[0];
    },
    get error() {
      return error;
    },
    get value() {
      return inputs.find((i) => i.checked)?.value ?? '';
    },
    set value(v) {
      for (const i of inputs) i.checked = i.value === v;
    },
    setError(message) {
      error = message || '';
      errorEl.hidden = !error;
      if (error) errorContent(errorEl, error);
      else errorEl.replaceChildren();
      wrap.classList.toggle('has-error', Boolean(error));
      describe(wrap, [helpEl ? helpId : null, error ? errorId : null]);
    },
  };
}

/** "Please check these details" at the top of a form, with links to each field. */
export function errorSummary() {
  const heading = h('h2', { className: 'error-summary-title' }, '');
  const list = h('ul', {});
  const el = h('div', { className: 'error-summary', tabindex: '-1', hidden: true }, heading, list);
  const headingId = `summary-${Math.random().toString(36).slice(2, 8)}`;
  heading.id = headingId;
  el.setAttribute('aria-labelledby', headingId);
  return {
    el,
    show(items, title) {
      heading.textContent = title ?? (items.length === 1 ? 'Please check one detail' : `Please check ${items.length} details`);
      list.replaceChildren(
        ...items.map(({ message, target }) => {
          if (!target) return h('li', {}, message);
          const link = h('a', { href: `#${target.id}` }, message);
          link.addEventListener('click', (event) => {
            event.preventDefault();
            target.focus();
            target.scrollIntoView({ block: 'center' });
          });
          return h('li', {}, link);
        }),
      );
      el.hidden = false;
      el.focus();
    },
    hide() {
      el.hidden = true;
      list.replaceChildren();
    },
  };
}

/** Reads a whole number from an input; '' when empty, NaN when not a whole number. */
export function readInt(inputEl) {
  const raw = inputEl.value.trim();
  if (raw === '' && !inputEl.validity?.badInput) return '';
  const n = Number(raw);
  return Number.isInteger(n) ? n : NaN;
}

/** "7, 1" → [7, 1]; '' → ''; NaN entries make the result null (not understood). */
export function readDayList(text) {
  const raw = text.trim();
  if (raw === '') return '';
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n)) ? numbers : null;
}

/** The IANA zones this browser knows, for a datalist. */
export function timeZones(current) {
  let zones = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Dublin', 'Australia/Sydney', 'Pacific/Auckland', 'America/Toronto'];
  }
  if (current && !zones.includes(current)) zones = [current, ...zones];
  return zones;
}

export function isTimeZone(value) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return Boolean(value);
  } catch {
    return false;
  }
}

/** The server's validation messages are written for developers; these say the same for people. */
export function friendlier(message, hint) {
  if (!hint) return message;
  return /expected|invalid|too (big|small)|received|must match/i.test(message) ? hint : message;
}
