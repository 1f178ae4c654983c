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
