import { api, el, showError } from './page.js';

// What the admin pages' scripts share: a form whose fields are named by JSON pointer becomes the request body, and
// the API's validation problem comes back beside the fields its errors point at.

/** The JSON body of a form whose inputs are named by JSON pointer ("/interfaces/pattern"); empty fields are left out. */
export function body(form) {
  const doc = {};
  for (const input of form.querySelectorAll('input[name^="/"], select[name^="/"], textarea[name^="/"]')) {
    const raw = input.value.trim();
    if (raw === '') continue;
    let value = raw;
    const type = input.dataset.type;
    if (type === 'number') value = Number(raw);
    else if (type === 'list') value = raw.split(',').map((s) => s.trim()).filter((s) => s);
    else if (type === 'map') {
      value = {};
      for (const pair of raw.split(',').map((s) => s.trim()).filter((s) => s)) {
        const at = pair.indexOf('=');
        value[at < 0 ? pair : pair.slice(0, at).trim()] = at < 0 ? '' : pair.slice(at + 1).trim();
      }
    }
    const keys = input.name.slice(1).split('/');
    let node = doc;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
    node[keys[keys.length - 1]] = value;
  }
  return doc;
}

/** Fills a form's pointer-named fields from a document (the reverse of body). */
export function fill(form, doc) {
  for (const input of form.querySelectorAll('input[name^="/"], select[name^="/"]')) {
    let value = doc;
    for (const key of input.name.slice(1).split('/')) value = value == null ? undefined : value[key];
    if (Array.isArray(value)) value = value.join(', ');
    else if (value && typeof value === 'object') value = Object.entries(value).map(([k, v]) => k + '=' + v).join(', ');
    input.value = value == null ? '' : String(value);
  }
}

/** Clears the errors shown beside a form's fields. */
export function clearErrors(form) {
  for (const slot of form.querySelectorAll('[data-pointer]')) {
    slot.textContent = '';
    if (slot.classList.contains('form-error')) slot.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/**
 * Shows a problem's errors beside the fields they point at (a pointer below a field, /interfaces/aliases/1, goes to
 * that field), and its detail above the form; moves the focus to the first field in error.
 */
export function showProblem(form, error) {
  clearErrors(form);
  const top = form.querySelector('.form-error');
  const errors = (error.problem && Array.isArray(error.problem.errors)) ? error.problem.errors : [];
  let first = null;
  const unplaced = [];
  for (const item of errors) {
    const where = item.pointer !== undefined && item.pointer !== null ? item.pointer : item.parameter;
    const slot = slotFor(form, where);
    if (!slot) {
      unplaced.push((where ? where + ': ' : '') + item.detail);
      continue;
    }
    slot.textContent = slot.textContent ? slot.textContent + '; ' + item.detail : item.detail;
    const input = form.querySelector('[aria-describedby~="' + slot.id + '"]');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  top.textContent = [error.message, ...unplaced].join(' ');
  top.hidden = false;
  (first || top).focus?.();
}

function slotFor(form, pointer) {
  if (pointer === undefined || pointer === null) return null;
  let path = String(pointer);
  while (path) {
    const slot = [...form.querySelectorAll('.field-error[data-pointer]')].find((s) => s.dataset.pointer === path);
    if (slot) return slot;
    path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  }
  return null;
}

/** Says what was done in the page's status line and clears the error box. */
export function done(message) {
  showError('');
  document.getElementById('status').textContent = message;
}

/** Runs an API call for a button; a refusal shows in the error box, the rest of the page stays. */
export async function act(call, message, then) {
  showError('');
  try {
    await call();
    done(message);
    if (then) await then();
  } catch (e) {
    showError(e.message);
  }
}

/** A table with a caption (visually hidden when asked), headers and rows of cells (strings or elements). */
export function table(caption, headers, rows, { hideCaption = false } = {}) {
  return el('table', {},
    el('caption', { class: hideCaption ? 'visually-hidden' : null, text: caption }),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows));
}

export const when = (iso) => iso ? new Date(iso).toLocaleString([], { year: 'numeric', month: 'short',
  day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

export { api, el, showError };
