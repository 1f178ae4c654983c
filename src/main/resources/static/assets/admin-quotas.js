import { act, api, body, clearErrors, done, el, fill, showError, showProblems, table } from './admin.js';

// Quotas per user or team: pick the owner (the users and teams lists suggest names), see the limits that apply and
// the usage beside them, set limits or go back to the configured defaults. /admin/quotas?user=x or ?team=x opens one.

const find = document.getElementById('quota-find');
const kind = document.getElementById('q-kind');
const name = document.getElementById('q-name');
const section = document.getElementById('quota');
const form = document.getElementById('quota-form');
const ROWS = [['labs', 'Labs'], ['runningNodes', 'Running nodes'], ['vcpus', 'vCPUs'], ['memoryMib', 'Memory (MiB)']];
const names = { users: [], teams: [] };
let shown = null; // { kind, name } of the owner on show

async function suggestions() {
  try {
    const [users, teams] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/teams')]);
    names.users = users.json.map((u) => u.username);
    names.teams = teams.json.map((t) => t.name);
    suggest();
  } catch (e) {
    showError(e.message);
  }
}

function suggest() {
  document.getElementById('q-names').replaceChildren(...names[kind.value].map((n) => el('option', { value: n })));
}

async function show(which, owner) {
  showError('');
  try {
    const { json } = await api('GET', '/api/v1/quotas/' + which + '/' + encodeURIComponent(owner));
    shown = { kind: which, name: owner };
    render(json);
  } catch (e) {
    section.hidden = true;
    showError(e.message);
  }
}

function render(quota) {
  document.getElementById('quota-h').textContent = (quota.owner.kind === 'team' ? 'Team ' : 'User ') + quota.owner.name;
  document.getElementById('usage').replaceChildren(table('Limits and usage of ' + quota.owner.name,
    ['', 'In use', 'Limit'], ROWS.map(([key, label]) => el('tr', { 'data-limit': key },
      el('th', { scope: 'row', text: label }), el('td', { text: String(quota.usage[key]) }),
      el('td', { text: quota.limits[key] == null ? 'no limit' : String(quota.limits[key]) }))), { hideCaption: true }));
  fill(form, quota.limits);
  clearErrors(form);
  section.hidden = false;
}

find.addEventListener('submit', (event) => {
  event.preventDefault();
  const owner = name.value.trim();
  if (owner) {
    history.replaceState(null, '', '?' + (kind.value === 'teams' ? 'team' : 'user') + '=' + encodeURIComponent(owner));
    show(kind.value, owner);
  }
});
kind.addEventListener('change', suggest);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  try {
    const { json } = await api('PUT', '/api/v1/quotas/' + shown.kind + '/' + encodeURIComponent(shown.name),
      { type: 'application/json', body: JSON.stringify(body(form)) });
    render(json);
    done('Limits of ' + shown.name + ' set.');
  } catch (e) {
    showProblems(form, e);
  }
});

document.getElementById('quota-reset').addEventListener('click', () => act(
  () => api('DELETE', '/api/v1/quotas/' + shown.kind + '/' + encodeURIComponent(shown.name)),
  shown.name + ' has the default limits again.', () => show(shown.kind, shown.name)));

const params = new URLSearchParams(window.location.search);
const initial = params.get('team') ? ['teams', params.get('team')] : params.get('user') ? ['users', params.get('user')] : null;
if (initial) {
  kind.value = initial[0];
  name.value = initial[1];
  show(initial[0], initial[1]);
}
suggestions();
