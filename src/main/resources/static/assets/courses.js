import { api, el, showError } from './page.js';

// "My courses": for each course, the lab of the booking running now (countdown, extend, reset), free slots to book
// and my bookings to cancel; staff get a link to the class view. Everything comes from /api/v1 as the person signed in.

const QUARTER = 15 * 60 * 1000;
// a booking may be extended in its course's last extendWithinMinutes: the API refuses earlier, and says why
const within = (course) => Number(course.extendWithinMinutes || 15) * 60 * 1000;
const streams = new Map(); // lab id -> EventSource of the lab shown as "my lab now"
const when = (iso) => new Date(iso).toLocaleString([], { weekday: 'short', month: 'short', day: 'numeric',
  hour: '2-digit', minute: '2-digit' });
const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
// the end of a run: its time, with its date when the run ends on another day
const until = (start, end) => new Date(start).toDateString() === new Date(end).toDateString() ? time(end) : when(end);

async function load() {
  try {
    const [courses, bookings] = await Promise.all([api('GET', '/api/v1/courses'), api('GET', '/api/v1/bookings')]);
    const box = document.getElementById('courses');
    if (courses.json.length === 0) {
      box.replaceChildren(el('p', { class: 'muted', text: 'You are in no course yet: ask your instructor for a join code.' }));
      return;
    }
    const sections = await Promise.all(courses.json.map((course) => section(course,
      bookings.json.filter((b) => b.course === course.name && (b.state === 'booked' || b.state === 'active'))
        // the API lists latest start first (a history); what is coming reads soonest first
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start)))));
    box.replaceChildren(...sections);
  } catch (e) {
    showError(e.message);
  }
}

async function section(course, bookings) {
  const role = String(course.yourRole).toLowerCase();
  const heading = 'course-' + course.name;
  const box = el('section', { class: 'course', 'data-course': course.name, 'aria-labelledby': heading },
    el('h2', { id: heading, text: course.title ? course.title + ' (' + course.name + ')' : course.name }),
    el('p', { class: 'muted', text: 'You are ' + role + '.' }));
  if (role !== 'student') {
    box.append(el('p', {}, el('a', { href: '/courses/' + encodeURIComponent(course.name) + '/class',
      text: 'Class view of ' + course.name }), role === 'instructor' ? ' · ' : null,
    role === 'instructor' ? el('a', { href: '/courses/' + encodeURIComponent(course.name) + '/setup',
      text: 'Set up ' + course.name }) : null));
    return box;
  }
  const now = bookings.find((b) => b.state === 'active');
  if (now) box.append(await labNow(course, now));
  box.append(el('h3', { text: 'My bookings' }), bookingList(bookings, course));
  box.append(el('h3', { text: 'Free slots' }), await freeSlots(course, bookings));
  return box;
}

async function labNow(course, booking) {
  const state = el('span', { class: 'state', 'data-role': 'lab-state' });
  const left = el('span', { class: 'countdown', 'data-role': 'countdown', 'data-end': booking.end,
    'data-within': String(within(course)) });
  const extend = el('button', { type: 'button', 'data-action': 'extend', hidden: true, text: 'Extend by 15 minutes',
    onclick: () => act(() => api('POST', '/api/v1/bookings/' + booking.id + '/extend',
      { type: 'application/json', body: JSON.stringify({ minutes: 15 }) }), 'Extended by 15 minutes.') });
  const reset = el('button', { type: 'button', 'data-action': 'reset', text: 'Reset to the template',
    onclick: () => {
      if (!window.confirm('Reset your lab to the course template? Your changes are lost.')) return;
      act(async () => {
        const { json } = await api('POST', '/api/v1/courses/' + encodeURIComponent(course.name) + '/labs/'
          + booking.lab + '/reset');
        return json;
      }, 'Your lab was reset to the template' + ' and is starting again.');
    } });
  const box = el('div', { class: 'now', 'data-role': 'lab-now', 'data-lab': booking.lab },
    el('h3', { text: 'My lab now' }),
    el('p', {}, el('a', { href: '/labs/' + booking.lab, text: 'Open my lab (consoles are there)' }), ' · ', state),
    el('p', {}, 'Booked until ' + time(booking.end) + ': ', left, ' left'),
    el('div', { class: 'actions', role: 'group', 'aria-label': 'My lab now' }, extend, reset));
  if (booking.extensions < course.maxExtensions) box.extend = extend; // else the course allows no more
  labState(booking.lab, state);
  listen(booking.lab, state);
  return box;
}

// the lab's state as it changes: its event stream says when to read it again (no polling)
async function labState(lab, target) {
  try {
    const { json } = await api('GET', '/api/v1/labs/' + lab);
    const s = json.status;
    const value = s ? s.state : 'DEFINED';
    target.textContent = value + (s ? ' · ' + s.ready + '/' + s.total + ' nodes ready' : '');
    target.dataset.state = value;
    target.dataset.ready = s && s.total > 0 && s.ready === s.total ? 'true' : 'false';
  } catch (e) {
    showError(e.message);
  }
}

function listen(lab, target) {
  if (streams.has(lab)) streams.get(lab).close();
  const events = new EventSource('/api/v1/labs/' + lab + '/events');
  let pending = null;
  const onEvent = () => {
    clearTimeout(pending);
    pending = setTimeout(() => labState(lab, document.querySelector('[data-lab="' + lab + '"] [data-role="lab-state"]')
      || target), 100);
  };
  for (const kind of ['Requested', 'LabStateChanged', 'NodeStateChanged', 'NodeRestarted', 'LabReset']) {
    events.addEventListener(kind, onEvent);
  }
  events.onmessage = onEvent;
  streams.set(lab, events);
}

function bookingList(bookings, course) {
  if (bookings.length === 0) return el('p', { class: 'muted', text: 'No bookings.' });
  return el('ul', { class: 'bookings' }, bookings.map((b) => el('li', { 'data-booking': b.id, 'data-state': b.state },
    when(b.start) + ' – ' + until(b.start, b.end) + ' (' + b.state + (b.extensions ? ', extended ' + b.extensions + '×' : '')
      + ') ',
    b.state === 'active' && b.extensions < course.maxExtensions ? el('button', { type: 'button', 'data-action': 'extend',
      'data-end': b.end,
      'data-within': String(within(course)), hidden: true,
      'aria-label': 'Extend by 15 minutes the booking of ' + when(b.start), text: 'Extend',
      onclick: () => act(() => api('POST', '/api/v1/bookings/' + b.id + '/extend',
        { type: 'application/json', body: JSON.stringify({ minutes: 15 }) }), 'Extended by 15 minutes.') }) : null,
    ' ',
    el('button', { type: 'button', 'data-action': 'cancel',
      'aria-label': (b.state === 'active' ? 'End now the booking of ' : 'Cancel the booking of ') + when(b.start),
      text: b.state === 'active' ? 'End now' : 'Cancel',
      onclick: () => act(() => api('DELETE', '/api/v1/bookings/' + b.id), 'Booking cancelled.') }))));
}

// Free slots as a week calendar: days across, quarter hours down, each cell free, taken or yours; arrow keys move in
// the grid (one tab stop), Enter or a click picks a free quarter as the start, then the length and Book.
async function freeSlots(course, bookings) {
  const { json } = await api('GET', '/api/v1/courses/' + encodeURIComponent(course.name) + '/free-slots');
  const wrap = el('div', { class: 'calendar-wrap' });
  if (json.free.length === 0) {
    wrap.append(el('p', { class: 'muted', text: 'The course has no room in the next days.' }));
    return wrap;
  }
  return calendar(course, json, bookings, wrap);
}

function calendar(course, slots, bookings, wrap) {
  const free = new Map(); // start (ms) of each free quarter -> end (ms) of its free run
  for (const slot of slots.free) {
    const end = Date.parse(slot.end);
    for (let t = Date.parse(slot.start); t < end; t += QUARTER) free.set(t, end);
  }
  const mine = (t) => bookings.some((b) => Date.parse(b.start) <= t && t < Date.parse(b.end));
  const from = Date.parse(slots.from);
  const to = Date.parse(slots.to);
  const first = new Date(from);
  first.setHours(0, 0, 0, 0);
  const days = [];
  for (let d = new Date(first); d.getTime() < to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    days.push(d);
  }
  const weeks = Math.ceil(days.length / 7);
  const id = 'cal-' + course.name;
  const caption = el('p', { id: id + '-caption', class: 'calendar-caption' }); // outside the box that scrolls
  const grid = el('table', { class: 'calendar', role: 'grid', 'aria-labelledby': id + '-caption' });
  const scroller = el('div', { class: 'calendar-scroll' }, grid);
  const earlier = el('button', { type: 'button', class: 'secondary', text: 'Earlier week' });
  const later = el('button', { type: 'button', class: 'secondary', text: 'Later week' });
  const chosen = el('output', { id: id + '-chosen', 'data-role': 'chosen', text: 'none yet: pick a free quarter' });
  const minutes = el('select', { id: id + '-minutes', name: 'minutes', disabled: true },
    el('option', { value: '', text: 'pick a start first' }));
  const book = el('button', { type: 'submit', text: 'Book', disabled: true });
  const form = el('form', { class: 'inline', 'data-role': 'book' },
    el('span', {}, 'Start: ', chosen),
    el('label', { for: id + '-minutes', text: 'Length' }), minutes, book);
  let week = 0;
  let start = null; // the picked start (ms)
  let focusAt = null; // [row, column] of the cell that holds the grid's tab stop

  function state(t) {
    if (t < from || t >= to) return 'outside';
    if (mine(t)) return 'yours';
    return free.has(t) ? 'free' : 'taken';
  }

  function render() {
    const shown = days.slice(week * 7, week * 7 + 7);
    caption.textContent = 'Free practice time, ' + shown[0].toLocaleDateString([], { month: 'short', day: 'numeric' })
      + ' – ' + shown[shown.length - 1].toLocaleDateString([], { month: 'short', day: 'numeric' });
    const head = el('tr', {}, el('th', { scope: 'col', text: 'Time' }), shown.map((d) => el('th', { scope: 'col',
      abbr: d.toLocaleDateString([], { weekday: 'long', month: 'long', day: 'numeric' }),
      text: d.toLocaleDateString([], { weekday: 'short', day: 'numeric' }) })));
    const rows = [];
    let firstFree = null; // the earliest free quarter shown: where the grid's tab stop starts
    let firstFreeT = Infinity;
    for (let q = 0; q < 96; q++) {
      const h = Math.floor(q / 4);
      const m = (q % 4) * 15;
      const label = String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0');
      const cells = shown.map((d, c) => {
        const t = new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, m).getTime();
        const what = state(t);
        if (what === 'free' && t < firstFreeT) {
          firstFree = [q, c];
          firstFreeT = t;
        }
        const words = { free: 'free', taken: 'taken', yours: 'your booking', outside: 'not bookable' }[what];
        return el('td', { 'data-state': what, 'data-start': what === 'free' ? new Date(t).toISOString() : null,
          'aria-selected': what === 'free' ? String(t === start) : null, tabindex: '-1',
          'data-row': String(q), 'data-col': String(c) },
          el('span', { class: 'visually-hidden', text: d.toLocaleDateString([], { weekday: 'long', day: 'numeric' })
            + ' ' + label + ', ' + words }));
      });
      rows.push(el('tr', { class: m === 0 ? 'hour' : null },
        el('th', { scope: 'row', class: m === 0 ? null : 'quarter muted', text: label }), cells));
    }
    grid.replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    earlier.disabled = week === 0;
    later.disabled = week >= weeks - 1;
    focusAt = focusAt && cell(focusAt[0], focusAt[1]) ? focusAt : (firstFree || [0, 0]);
    cell(focusAt[0], focusAt[1]).tabIndex = 0;
    const row = cell(focusAt[0], focusAt[1]).parentElement;
    // a few quarters above the tab stop stay in view, below the sticky day headers
    requestAnimationFrame(() => { scroller.scrollTop = Math.max(0, row.offsetTop - 4 * row.offsetHeight); });
  }

  const cell = (row, col) => grid.querySelector('td[data-row="' + row + '"][data-col="' + col + '"]');

  function move(row, col) {
    const target = cell(row, col);
    if (!target) return;
    grid.querySelectorAll('td[tabindex="0"]').forEach((c) => { c.tabIndex = -1; });
    target.tabIndex = 0;
    target.focus();
    focusAt = [row, col];
  }

  function pick(td) {
    if (!td || td.dataset.state !== 'free') return;
    start = Date.parse(td.dataset.start);
    grid.querySelectorAll('td[aria-selected="true"]').forEach((c) => c.setAttribute('aria-selected', 'false'));
    td.setAttribute('aria-selected', 'true');
    chosen.textContent = when(td.dataset.start);
    chosen.dataset.start = td.dataset.start;
    const runEnd = free.get(start);
    minutes.replaceChildren();
    for (let m = 30; m <= course.maxSlotMinutes && start + m * 60000 <= runEnd; m += 15) {
      minutes.append(el('option', { value: String(m), text: m + ' min' }));
    }
    const fits = minutes.options.length > 0;
    if (!fits) minutes.append(el('option', { value: '', text: 'less than 30 min free from here' }));
    minutes.disabled = !fits;
    book.disabled = !fits;
  }

  grid.addEventListener('click', (event) => {
    const td = event.target.closest('td[data-row]');
    if (!td) return;
    move(Number(td.dataset.row), Number(td.dataset.col));
    pick(td);
  });
  grid.addEventListener('keydown', (event) => {
    const td = event.target.closest('td[data-row]');
    if (!td) return;
    const row = Number(td.dataset.row);
    const col = Number(td.dataset.col);
    const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageUp: [-4, 0],
      PageDown: [4, 0] }[event.key];
    if (step) {
      event.preventDefault();
      move(Math.min(95, Math.max(0, row + step[0])), col + step[1]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      move(row, event.key === 'Home' ? 0 : grid.querySelectorAll('thead th').length - 2);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(td);
    }
  });
  earlier.addEventListener('click', () => { week -= 1; render(); });
  later.addEventListener('click', () => { week += 1; render(); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (start === null || !minutes.value) return;
    const end = new Date(start + Number(minutes.value) * 60000).toISOString();
    act(() => api('POST', '/api/v1/bookings', { type: 'application/json',
      body: JSON.stringify({ course: course.name, start: new Date(start).toISOString(), end }) }), 'Booked.');
  });

  render();
  wrap.append(el('div', { class: 'calendar-nav' }, caption,
    el('div', { class: 'inline', role: 'group', 'aria-label': 'Weeks' }, earlier, later)),
    el('p', { class: 'muted legend' }, el('span', { class: 'key free' }), ' free ',
      el('span', { class: 'key taken' }), ' taken ', el('span', { class: 'key yours' }), ' your booking · ',
      'arrow keys move, Enter picks the start'),
    scroller, form);
  return wrap;
}

async function act(call, done) {
  showError('');
  try {
    await call();
    document.getElementById('status').textContent = done;
    await load();
  } catch (e) {
    showError(e.message);
  }
}

// the countdowns, from each booking's end; extend appears in the booking's last minutes, when the API allows it
function tick() {
  for (const left of document.querySelectorAll('[data-role="countdown"]')) {
    const ms = Math.max(0, Date.parse(left.dataset.end) - Date.now());
    const s = Math.floor(ms / 1000);
    left.textContent = Math.floor(s / 3600) + ':' + String(Math.floor(s / 60) % 60).padStart(2, '0') + ':'
      + String(s % 60).padStart(2, '0');
    const box = left.closest('[data-role="lab-now"]');
    if (box && box.extend) box.extend.hidden = !(ms > 0 && ms <= Number(left.dataset.within));
  }
  for (const extend of document.querySelectorAll('li[data-booking] button[data-action="extend"]')) {
    const ms = Date.parse(extend.dataset.end) - Date.now();
    extend.hidden = !(ms > 0 && ms <= Number(extend.dataset.within));
  }
}

load();
setInterval(tick, 1000);
