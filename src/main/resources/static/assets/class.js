import { api, el, showError } from './page.js';

// The class view: one tile per student, from the course's ONE event stream ('class': the whole view, then 'student':
// one row whenever it changes). No polling, no stream per tile. Names are text, never markup.

const course = document.getElementById('class').dataset.course;
const tiles = document.getElementById('tiles');
const rows = new Map(); // username -> latest row
let skew = 0; // the service's clock minus this browser's, from the view's "at": time left follows the service

function tile(row) {
  const ready = row.total > 0 && row.ready === row.total;
  const booking = row.booking;
  const left = el('span', { class: 'countdown', 'data-role': 'left' });
  if (booking) left.dataset.end = booking.end;
  if (booking) left.dataset.start = booking.start;
  return el('li', { class: 'tile', 'data-student': row.username, 'data-state': row.state, 'data-ready': String(ready) },
    el('h2', { text: row.username }),
    el('div', {}, el('span', { class: 'state', 'data-role': 'state', 'data-state': row.state, text: row.state }),
      ' · ', el('span', { 'data-role': 'ready', text: row.ready + '/' + row.total + ' ready' })),
    row.failed && row.failed.length
      ? el('ul', { 'aria-label': 'Failed nodes of ' + row.username }, row.failed.map((n) => el('li', { 'data-role': 'failed',
        text: n.name + ': ' + (n.reason || 'failed') + (n.message ? ' (' + n.message + ')' : '') })))
      : null,
    el('div', { class: 'muted' }, booking ? left : 'no booking'),
    row.lab ? el('a', { href: '/labs/' + encodeURIComponent(row.lab) + '?watch', 'data-role': 'watch',
      'aria-label': 'Watch consoles of ' + row.username, text: 'Watch consoles' }) : null);
}

function put(row) {
  rows.set(row.username, row);
  // a running booking's seconds left say what time the service has now
  if (row.booking && row.booking.secondsLeft != null) {
    skew = Date.parse(row.booking.end) - row.booking.secondsLeft * 1000 - Date.now();
  }
  const fresh = tile(row);
  const old = tiles.querySelector('[data-student="' + CSS.escape(row.username) + '"]');
  if (old) old.replaceWith(fresh); else tiles.append(fresh);
  counts();
  tick();
}

function counts() {
  const by = {};
  for (const row of rows.values()) by[row.state] = (by[row.state] || 0) + 1;
  document.getElementById('counts').textContent = rows.size + ' students: '
    + Object.entries(by).map(([state, n]) => n + ' ' + state).join(', ');
}

function tick() {
  const now = Date.now() + skew;
  for (const left of tiles.querySelectorAll('[data-role="left"][data-end]')) {
    const start = Date.parse(left.dataset.start);
    if (now < start) {
      left.textContent = 'starts in ' + Math.ceil((start - now) / 60000) + ' min';
      continue;
    }
    const s = Math.max(0, Math.floor((Date.parse(left.dataset.end) - now) / 1000));
    left.textContent = Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s left';
  }
}

const stream = new EventSource('/api/v1/courses/' + encodeURIComponent(course) + '/class/events');
const state = document.getElementById('stream-state');
stream.addEventListener('class', (message) => {
  const view = JSON.parse(message.data);
  skew = Date.parse(view.at) - Date.now();
  starts();
  rows.clear();
  tiles.replaceChildren();
  for (const row of view.students) put(row);
  if (view.students.length === 0) counts();
  state.textContent = 'Live';
  showError('');
});
stream.addEventListener('student', (message) => put(JSON.parse(message.data)));
stream.onerror = async () => {
  if (stream.readyState !== EventSource.CLOSED) {
    state.textContent = 'Reconnecting…';
    return;
  }
  state.textContent = 'Not live.';
  // a refused stream (no such course, not its staff) only says it closed: the view itself answers why, in words
  try {
    await api('GET', '/api/v1/courses/' + encodeURIComponent(course) + '/class');
    showError('The class view stream ended: reload the page.');
  } catch (e) {
    showError(e.message);
    if (e.status === 403 || e.status === 404) document.getElementById('session').closest('section').hidden = true;
  }
};
setInterval(tick, 1000);

// class session starts: the next day of quarter hours by the service's clock
const QUARTER = 15 * 60 * 1000;
function starts() {
  const select = document.getElementById('session-start');
  const kept = select.value;
  const first = Math.floor((Date.now() + skew) / QUARTER + 1) * QUARTER;
  select.replaceChildren(...Array.from({ length: 96 }, (_, i) => {
    const at = new Date(first + i * QUARTER);
    return el('option', { value: at.toISOString(), text: at.toLocaleString([], { weekday: 'short', hour: '2-digit',
      minute: '2-digit' }) });
  }));
  if (kept && select.querySelector('option[value="' + kept + '"]')) select.value = kept;
}

document.getElementById('session').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const start = form.start.value;
  const end = new Date(Date.parse(start) + Number(form.minutes.value) * 60000).toISOString();
  showError('');
  try {
    const { json } = await api('POST', '/api/v1/courses/' + encodeURIComponent(course) + '/sessions',
      { type: 'application/json', body: JSON.stringify({ start, end }) });
    document.getElementById('session-status').textContent = 'Booked: ' + json.seats + ' seats from '
      + new Date(json.start).toLocaleString() + '.';
  } catch (e) {
    showError(e.message);
  }
});
