import { api, el, showError } from './page.js';

// "My courses": for each course, the lab of the booking running now (countdown, extend, reset), free slots to book
// and my bookings to cancel; staff get a link to the class view. Everything comes from /api/v1 as the person signed in.

const QUARTER = 15 * 60 * 1000;
const EXTEND_WITHIN = 15 * 60 * 1000; // labforge.booking.extend-within: the API refuses earlier, and says why
const MAX_STARTS = 96; // a day of quarter hours in the start list
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
      bookings.json.filter((b) => b.course === course.name && (b.state === 'booked' || b.state === 'active')))));
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
      text: 'Class view of ' + course.name })));
    return box;
  }
  const now = bookings.find((b) => b.state === 'active');
  if (now) box.append(await labNow(course, now));
  box.append(el('h3', { text: 'My bookings' }), bookingList(bookings));
  box.append(el('h3', { text: 'Free slots' }), await freeSlots(course));
  return box;
}

async function labNow(course, booking) {
  const state = el('span', { class: 'state', 'data-role': 'lab-state' });
  const left = el('span', { class: 'countdown', 'data-role': 'countdown', 'data-end': booking.end });
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
  box.extend = extend;
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

function bookingList(bookings) {
  if (bookings.length === 0) return el('p', { class: 'muted', text: 'No bookings.' });
  return el('ul', { class: 'bookings' }, bookings.map((b) => el('li', { 'data-booking': b.id, 'data-state': b.state },
    when(b.start) + ' – ' + until(b.start, b.end) + ' (' + b.state + (b.extensions ? ', extended ' + b.extensions + '×' : '')
      + ') ',
    el('button', { type: 'button', 'data-action': 'cancel',
      'aria-label': (b.state === 'active' ? 'End now the booking of ' : 'Cancel the booking of ') + when(b.start),
      text: b.state === 'active' ? 'End now' : 'Cancel',
      onclick: () => act(() => api('DELETE', '/api/v1/bookings/' + b.id), 'Booking cancelled.') }))));
}

async function freeSlots(course) {
  const { json } = await api('GET', '/api/v1/courses/' + encodeURIComponent(course.name) + '/free-slots');
  const wrap = el('div', {});
  if (json.free.length === 0) {
    wrap.append(el('p', { class: 'muted', text: 'The course has no room in the next days.' }));
    return wrap;
  }
  wrap.append(el('ul', { class: 'slots', 'aria-label': 'Free time' },
    json.free.slice(0, 40).map((slot) => el('li', { text: when(slot.start) + ' – ' + until(slot.start, slot.end) }))));
  const starts = [];
  for (const slot of json.free) {
    const end = Date.parse(slot.end);
    for (let t = Date.parse(slot.start); t + 2 * QUARTER <= end && starts.length < MAX_STARTS; t += QUARTER) {
      starts.push(new Date(t).toISOString());
    }
  }
  const id = 'book-' + course.name;
  const start = el('select', { id: id + '-start', name: 'start' },
    starts.map((s) => el('option', { value: s, text: when(s) })));
  const minutes = el('select', { id: id + '-minutes', name: 'minutes' });
  for (let m = 30; m <= course.maxSlotMinutes; m += 15) minutes.append(el('option', { value: String(m), text: m + ' min' }));
  const form = el('form', { class: 'inline', 'data-role': 'book' },
    el('label', { for: id + '-start', text: 'Start' }), start,
    el('label', { for: id + '-minutes', text: 'Length' }), minutes,
    el('button', { type: 'submit', text: 'Book' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const end = new Date(Date.parse(start.value) + Number(minutes.value) * 60000).toISOString();
    act(() => api('POST', '/api/v1/bookings', { type: 'application/json',
      body: JSON.stringify({ course: course.name, start: start.value, end }) }), 'Booked.');
  });
  wrap.append(form);
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
    if (box && box.extend) box.extend.hidden = !(ms > 0 && ms <= EXTEND_WITHIN);
  }
}

load();
setInterval(tick, 1000);
