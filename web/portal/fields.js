// @ts-check
/**
 * Form pieces with their accessibility wiring done once: a visible label, help text and
 * an error message joined to the control by aria-describedby, and aria-invalid when wrong.
 */
import { h } from './dom.js';
import { crisisOptions } from './rules.js';

/** @import { Attrs, Child } from './dom.js' */
/** @import { PortalRules } from './types.js' */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */

/**
 * Anything a problem can be shown beside: a labelled field or a group of radio buttons.
 * @typedef {object} ErrorTarget
 * @property {HTMLElement} wrap
 * @property {HTMLElement} focusTarget
 * @property {string} error
 * @property {(message: string) => void} setError
 */

/**
 * @template {Control} [C=Control]
 * @typedef {ErrorTarget & { input: C, setHelp: (text: string) => void }} Field
 */

/**
 * @param {Element} control
 * @param {(string | null)[]} ids
 */
function describe(control, ids) {
  const value = ids.filter(Boolean).join(' ');
  if (value) control.setAttribute('aria-describedby', value);
  else control.removeAttribute('aria-describedby');
}

/**
 * @param {Element} el
 * @param {string} message
 */
function errorContent(el, message) {
  el.replaceChildren(h('span', { className: 'visually-hidden' }, 'Error: '), message);
}

/**
 * A labelled control: input, select or textarea.
 * @template {Control} C
 * @param {{ id: string, label: string, help?: string, control: C, className?: string, labelExtra?: Child }} options
 * @returns {Field<C>}
 */
export function field({ id, label, help, control, className = '', labelExtra = null }) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  control.id = id;
  const helpEl = h('p', { className: 'help', id: helpId, hidden: !help }, help ?? '');
  const errorEl = h('p', { className: 'field-error', id: errorId, hidden: true });
  const wrap = h(
    'div',
    { className: `field ${className}`.trim() },
    h('label', { for: id }, label, labelExtra),
    helpEl,
    errorEl,
    control,
  );
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

/** @param {Attrs} [attrs] */
export function input(attrs = {}) {
  return h('input', { type: 'text', ...attrs });
}

/**
 * @param {{ min?: number, max?: number } & Attrs} [attrs]
 */
export function numberInput({ min, max, ...attrs } = {}) {
  return h('input', { type: 'number', inputmode: 'numeric', step: 1, min, max, className: 'input-short', ...attrs });
}

/**
 * @param {[string, string][]} options [value, label] pairs
 * @param {Attrs} [attrs]
 */
export function select(options, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

/**
 * The choice of crisis resources, set to `value` or else to the service's default.
 * @param {{ id: string, help: string, rules: PortalRules, value: string | null | undefined }} options
 */
export function crisisField({ id, help, rules, value }) {
  const crisis = field({ id, label: 'Crisis resources for', help, control: select(crisisOptions(rules)) });
  crisis.input.value = value ?? rules.defaults.crisisLocale;
  return crisis;
}

/**
 * A datalist of time zones, for an input's `list`.
 * @param {string} id
 * @param {string[]} zones
 */
export function zoneList(id, zones) {
  return h(
    'datalist',
    { id },
    zones.map((z) => h('option', { value: z })),
  );
}

/** @typedef {{ value: string, label: string, hint?: string }} RadioOption */

/**
 * @typedef {ErrorTarget & { inputs: HTMLInputElement[], value: string }} RadioGroup
 */

/**
 * Radio buttons in a fieldset; each option may have a hint under its label.
 * @param {{ name: string, legend: string, help?: string, options: RadioOption[], value: string, className?: string }} options
 * @returns {RadioGroup}
 */
export function radioGroup({ name, legend, help, options, value, className = '' }) {
  const helpId = `${name}-help`;
  const errorId = `${name}-error`;
  const helpEl = help ? h('p', { className: 'help', id: helpId }, help) : null;
  const errorEl = h('p', { className: 'field-error', id: errorId, hidden: true });
  /** @type {HTMLInputElement[]} */
  const inputs = [];
  const items = options.map((o) => {
    const id = `${name}-${o.value}`;
    const hintId = o.hint ? `${id}-hint` : null;
    const radio = h('input', {
      type: 'radio',
      name,
      id,
      value: o.value,
      checked: o.value === value,
      'aria-describedby': hintId,
    });
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
      return /** @type {HTMLInputElement} */ (inputs.find((i) => i.checked) ?? inputs[0]);
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

/** @typedef {ErrorTarget & { inputs: HTMLInputElement[], values: string[] }} CheckboxGroup */

/**
 * Checkboxes in a fieldset, any number of them ticked.
 * @param {{ name: string, legend: string, help?: string, options: RadioOption[], values: string[] }} options
 * @returns {CheckboxGroup}
 */
export function checkboxGroup({ name, legend, help, options, values }) {
  const helpId = `${name}-help`;
  const errorId = `${name}-error`;
  const helpEl = help ? h('p', { className: 'help', id: helpId }, help) : null;
  const errorEl = h('p', { className: 'field-error', id: errorId, hidden: true });
  const inputs = options.map((o) =>
    h('input', { type: 'checkbox', name, id: `${name}-${o.value}`, value: o.value, checked: values.includes(o.value) }),
  );
  const wrap = h(
    'fieldset',
    { className: 'field radio-group', 'aria-describedby': helpEl ? helpId : null },
    h('legend', {}, legend),
    helpEl,
    errorEl,
    h(
      'div',
      { className: 'choices' },
      options.map((o, i) =>
        h('div', { className: 'choice' }, inputs[i], h('label', { for: `${name}-${o.value}` }, o.label)),
      ),
    ),
  );
  let error = '';
  return {
    wrap,
    inputs,
    get focusTarget() {
      return /** @type {HTMLInputElement} */ (inputs[0]);
    },
    get error() {
      return error;
    },
    get values() {
      return inputs.filter((i) => i.checked).map((i) => i.value);
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
