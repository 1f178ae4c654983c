import { act, api, clearErrors, el, fill, showError, submitsAsJson, table } from './admin.js';

// Capacity pools: each with what its reservations hold now and at most over the next day (the API's load), create
// one, change one's capacity (the API refuses a capacity that reservations already made would no longer fit).

const DAY = 24 * 3600 * 1000;
const form = document.getElementById('pool-form');
const heading = document.getElementById('form-h');
const submit = form.querySelector('[data-role="submit"]');
const list = document.getElementById('pools');

async function load() {
  try {
    const { json } = await api('GET', '/api/v1/capacity/pools');
    const loads = await Promise.all(json.map((pool) => {
      const from = new Date();
      const to = new Date(from.getTime() + DAY);
      return api('GET', '/api/v1/capacity/pools/' + encodeURIComponent(pool.name) + '/load?from='
        + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(to.toISOString()))
        .then((r) => r.json).catch(() => null);
    }));
    list.replaceChildren(json.length === 0 ? el('p', { class: 'muted', text: 'No pools yet.' })
      : table('Capacity pools', ['Name', 'vCPUs in use / total', 'Memory (MiB) in use / total', 'Router VMs in use / total', 'Node selector', ''],
        json.map((pool, i) => row(pool, loads[i])), { hideCaption: true }));
    list.removeAttribute('aria-busy');
  } catch (e) {
    showError(e.message);
  }
}

function row(pool, load) {
  const segments = load ? load.segments : [];
  const now = segments.length > 0 ? segments[0] : { vcpus: 0, memoryMib: 0, nodes: 0 };
  const peak = (key) => segments.reduce((m, s) => Math.max(m, s[key]), 0);
  const cell = (key) => el('td', { 'data-used': String(now[key]) },
    el('span', { class: 'used', text: now[key] + ' / ' + pool[key] }),
    el('span', { class: 'muted block', text: 'peak ' + peak(key) }),
    el('meter', { min: '0', max: String(pool[key]), value: String(now[key]),
      'aria-label': key + ' in use in ' + pool.name }));
  const selector = Object.entries(pool.nodeSelector || {}).map(([k, v]) => k + '=' + v).join(', ');
  return el('tr', { 'data-pool': pool.name },
    el('th', { scope: 'row', text: pool.name }), cell('vcpus'), cell('memoryMib'), cell('nodes'),
    el('td', { class: 'wrap', text: selector }),
    el('td', {}, el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-action': 'edit', 'aria-label': 'Change ' + pool.name, text: 'Change',
        onclick: () => edit(pool) }),
      el('button', { type: 'button', class: 'danger', 'data-action': 'delete', 'aria-label': 'Delete ' + pool.name,
        text: 'Delete', onclick: () => remove(pool.name) }))));
}

function edit(pool) {
  fill(form, pool);
  clearErrors(form);
  form.dataset.method = 'PUT';
  form.dataset.path = '/api/v1/capacity/pools/' + encodeURIComponent(pool.name);
  document.getElementById('p-name').readOnly = true; // a pool cannot be renamed
  heading.textContent = 'Change ' + pool.name;
  submit.textContent = 'Save';
  document.getElementById('p-vcpus').focus();
}

function creating() {
  form.dataset.method = 'POST';
  form.dataset.path = '/api/v1/capacity/pools';
  document.getElementById('p-name').readOnly = false;
  heading.textContent = 'Create a pool';
  submit.textContent = 'Create';
}

function remove(name) {
  if (!window.confirm('Delete the capacity pool ' + name + '?')) return;
  act(() => api('DELETE', '/api/v1/capacity/pools/' + encodeURIComponent(name)), 'Deleted ' + name + '.', load);
}

submitsAsJson(form, { POST: 'Created', PUT: 'Changed' }, load);
form.addEventListener('reset', () => {
  clearErrors(form);
  creating();
});

load();
