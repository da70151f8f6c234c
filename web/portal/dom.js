/**
 * Building the page without innerHTML: every piece of text, and above all anything that
 * came from the API (names, notes, updates), goes in as a text node.
 */

/**
 * h('p', { className: 'help', id: 'x-help' }, 'Some text', child)
 * Attributes: className, hidden, disabled, checked, value, text (textContent), on* handlers
 * (onclick: fn), dataset ({…}), and anything else through setAttribute (aria-*, for, type…).
 * Children: nodes, strings (as text), numbers, or null/false (skipped); arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Text with its line breaks kept: white-space is preserved by the .message class. */
export function messageText(text, className = 'message') {
  const el = document.createElement('p');
  el.className = className;
  el.textContent = text ?? '';
  return el;
}

let counter = 0;
/** A unique id for label/description wiring. */
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Sets a live region's text only when it changes, so screen readers are not told twice. */
export function say(region, text) {
  if (region && region.textContent !== text) region.textContent = text;
}
