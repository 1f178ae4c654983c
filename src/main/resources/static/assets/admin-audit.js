import { api, el, showProblems, table, when } from './admin.js';

// The audit log, newest first, filtered by the form (a plain GET form: the filters live in the page's address, so a
// filtered view can be bookmarked or shared), one page at a time; "Older entries" follows the API's next page.

const PAGE = 50; // entries a page shows unless the address asks for another number (?limit=)
const form = document.getElementById('audit-filter');
const box = document.getElementById('entries');
const params = new URLSearchParams(window.location.search);

// the form shows what the address asks for; times are typed in local time and sent as instants
for (const name of ['actor', 'action', 'lab', 'since', 'until']) {
  if (params.get(name)) form.elements[name].value = params.get(name);
}

function query() {
  const q = new URLSearchParams({ limit: params.get('limit') || String(PAGE) });
  for (const name of ['actor', 'action']) if (params.get(name)) q.set(name, params.get(name).trim());
  if (params.get('lab')) {
    q.set('targetKind', 'lab');
    q.set('targetId', params.get('lab').trim());
  }
  for (const name of ['since', 'until']) {
    const value = params.get(name);
    if (value) {
      const at = new Date(value); // datetime-local has no zone: the browser's own
      q.set(name, Number.isNaN(at.getTime()) ? value : at.toISOString());
    }
  }
  if (params.get('before')) q.set('before', params.get('before'));
  return q;
}

async function load() {
  try {
    const { json } = await api('GET', '/api/v1/audit?' + query());
    box.replaceChildren(json.items.length === 0 ? el('p', { class: 'muted', text: 'No entries match.' })
      : table('Audit entries, newest first', ['When', 'Actor', 'Action', 'Target', 'Detail'],
        json.items.map(row), { hideCaption: true }));
    const older = document.getElementById('older');
    if (json.next) {
      const next = new URLSearchParams(params);
      next.set('before', new URLSearchParams(json.next.slice(json.next.indexOf('?') + 1)).get('before'));
      older.href = '/admin/audit?' + next;
      older.hidden = false;
    }
    document.getElementById('newest').hidden = !params.get('before');
  } catch (e) {
    showProblems(form, e);
  } finally {
    box.removeAttribute('aria-busy');
  }
}

function row(entry) {
  const target = entry.targetKind ? entry.targetKind + ' ' + (entry.targetName || entry.targetId || '') : '';
  const lab = entry.targetKind === 'lab' && entry.targetId
    ? el('a', { href: '/admin/audit?lab=' + encodeURIComponent(entry.targetId), text: target,
      title: 'Only this lab' }) : target;
  return el('tr', { 'data-entry': String(entry.id), 'data-action': entry.action },
    el('td', {}, el('time', { datetime: entry.at, text: when(entry.at) })),
    el('td', { text: entry.actor || '' }),
    el('td', {}, el('code', { text: entry.action })),
    el('td', { class: 'wrap' }, lab),
    el('td', { class: 'wrap detail', text: entry.detail ? JSON.stringify(entry.detail) : '' }));
}

load();
