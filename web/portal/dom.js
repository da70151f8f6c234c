// @ts-check
/**
 * Building the page without innerHTML: every piece of text, and above all anything that
 * came from the API (names, notes, updates), goes in as a text node.
 */

/** @typedef {Node | string | number | boolean | null | undefined} Leaf */
/** Arrays are flattened, as deep as the screens nest them. @typedef {Leaf | Leaf[] | (Leaf | Leaf[])[]} Child */
/** @typedef {Record<string, unknown>} Attrs */

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected']);

/**
 * h('p', { className: 'help', id: 'x-help' }, 'Some text', child)
 * Attributes: className, hidden, disabled, checked, value, text (textContent), on* handlers
 * (onclick: fn), dataset ({…}), and anything else through setAttribute (aria-*, for, type…).
 * Children: nodes, strings (as text), numbers, or null/false (skipped); arrays are flattened.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (PROPERTIES.has(key)) Reflect.set(el, key, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * @template {Node & ParentNode} P
 * @param {P} parent
 * @param {Child[]} children
 * @returns {P}
 */
export function append(parent, children) {
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Text with its line breaks kept: white-space is preserved by the .message class.
 * @param {string | null | undefined} text
 * @param {string} [className]
 */
export function messageText(text, className = 'message') {
  const el = document.createElement('p');
  el.className = className;
  el.textContent = text ?? '';
  return el;
}
