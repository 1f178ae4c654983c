// What every page's script shares: calls to the REST API as the person signed in, and building elements.
// User-controlled text only ever enters the page as textContent or an attribute value, never as markup.

const csrfMeta = document.querySelector('meta[name="csrf-token"]');
export const csrf = csrfMeta ? csrfMeta.content : '';

/** Calls /api/v1 with the session cookie and, for changes, the CSRF token; throws the problem document's detail. */
export async function api(method, path, { body, type, headers = {} } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (method !== 'GET' && method !== 'HEAD') all['X-CSRF-Token'] = csrf;
  if (type) all['Content-Type'] = type;
  // no-store: the page always wants the live state, never a cached copy
  const response = await fetch(path, { method, headers: all, body, credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 401) {
    window.location.assign('/signin');
    throw new Error('signed out');
  }
  const text = await response.text();
  const json = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = new Error((json && json.detail) || response.statusText || String(response.status));
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return { json, response };
}

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Shows an error (or hides the box when message is empty). */
export function showError(message) {
  const box = document.getElementById('error');
  if (!box) return;
  box.textContent = message || '';
  box.hidden = !message;
}

/** Permissions in order: each includes the ones before it. */
const LEVELS = ['view', 'operate', 'edit', 'admin'];
export function allows(permission, wanted) {
  return LEVELS.indexOf(permission) >= LEVELS.indexOf(wanted);
}

// A form's fields show their errors in a .field-error slot named by the field's JSON pointer (data-pointer) that
// the field's aria-describedby names, and the problem's detail in the form's .form-error box.

/** Clears the errors shown beside a form's fields. */
export function clearErrors(form) {
  for (const slot of form.querySelectorAll('[data-pointer]')) {
    slot.textContent = '';
    if (slot.classList.contains('form-error')) slot.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/**
 * Shows the problem of an error api() threw: its errors beside the fields they point at (a pointer below a field, /interfaces/aliases/1, goes to
 * that field), and its detail above the form; moves the focus to the first field in error.
 */
export function showProblems(form, error) {
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
