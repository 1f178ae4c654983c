import { api, clearErrors, el, showError, showProblems } from './page.js';

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

/**
 * Makes a pointer-named form send itself as JSON, with its data-method to its data-path: on success it is reset, the
 * status line says what was done (the method's verb and the answer's name: "Registered ceos.") and then runs; a
 * refusal shows beside the fields.
 */
export function submitsAsJson(form, verbs, then) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const { json } = await api(form.dataset.method, form.dataset.path, { type: 'application/json',
        body: JSON.stringify(body(form)) });
      const verb = verbs[form.dataset.method];
      form.reset();
      done(verb + ' ' + json.name + '.');
      await then();
    } catch (e) {
      showProblems(form, e);
    }
  });
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

export { api, clearErrors, el, showError, showProblems };
