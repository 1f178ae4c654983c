import { act, api, body, clearErrors, done, el, fill, showError, showProblems, table, when } from './admin.js';

// A course's set-up, for its instructors: its settings and transcripts switch, re-applying the template, the roster
// (by list, by CSV, by identity-provider group; the join code) and class sessions (once or weekly, cancel one or the
// series). Everything goes through /api/v1 as the person signed in; problems show beside the fields they point at.

const main = document.getElementById('setup');
const course = main.dataset.course;
const base = '/api/v1/courses/' + encodeURIComponent(course);
const json = (doc) => ({ type: 'application/json', body: JSON.stringify(doc) });
const END = { stop: 'stopped', reset: 'reset to the template', destroy: 'destroyed' };

// the settings' version as last read: a change is sent with If-Match, so it never overwrites another instructor's
let version = null;
const settingsForm = document.getElementById('settings-form');

async function settings() {
  try {
    const [{ json: c, response }, { json: t }] = await Promise.all([api('GET', base),
      api('GET', base + '/transcript-setting')]);
    version = response.headers.get('ETag');
    await settingsChoices(c);
    const row = (term, value) => [el('dt', { text: term }), el('dd', { 'data-setting': term, text: String(value) })];
    document.getElementById('settings').replaceChildren(...[
      row('Title', c.title || ''), row('Template lab', ''), row('Capacity pool', c.pool),
      row('Longest practice slot', c.maxSlotMinutes + ' min'), row('Booking window', c.bookingWindowDays + ' days'),
      row('Practice per student and week', c.weeklyAllowanceMinutes + ' min'),
      row('Extensions per booking', c.maxExtensions + byDefault(c, 'maxExtensions')),
      row('Extend in the last', c.extendWithinMinutes + ' min' + byDefault(c, 'extendWithinMinutes')),
      row('At the end of a booking the lab is', END[c.endAction] || c.endAction), row('Time zone', c.timeZone),
    ].flat());
    const template = document.querySelector('[data-setting="Template lab"]');
    template.replaceChildren(el('a', { href: '/labs/' + c.templateLab, text: 'open the template lab' }));
    document.getElementById('settings').removeAttribute('aria-busy');
    document.getElementById('join-code').textContent = c.joinCode || 'none yet';
    document.getElementById('transcripts').checked = !!t.enabled;
  } catch (e) {
    showError(e.message);
  }
}

async function settingsChoices(c) {
  const pool = document.getElementById('s-pool');
  if (!pool.options.length) {
    const { json: pools } = await api('GET', '/api/v1/capacity/pools');
    pool.replaceChildren(...pools.map((p) => el('option', { value: p.name,
      text: p.name + ' (' + p.vcpus + ' vCPUs, ' + p.nodes + ' router VMs)' })));
  }
  if (![...pool.options].some((o) => o.value === c.pool)) pool.append(el('option', { value: c.pool, text: c.pool }));
  fill(settingsForm, c);
  // a setting that follows the service's default shows empty (saved so, it keeps following it), the default beside
  for (const name of c.followsDefault || []) {
    const input = settingsForm.querySelector('[name="/' + name + '"]');
    input.value = '';
    input.placeholder = 'default: ' + c[name];
  }
}

const byDefault = (c, name) => ((c.followsDefault || []).includes(name) ? ' (the default)' : '');

// a merge patch of the form's settings: an emptied title is removed (null), an emptied extension rule goes back to
// the default (null), the rest is sent as shown
settingsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(settingsForm);
  const patch = body(settingsForm);
  for (const input of settingsForm.querySelectorAll('[data-empty="null"]')) {
    const name = input.name.slice(1);
    if (!(name in patch)) patch[name] = null;
  }
  try {
    await api('PATCH', base, { type: 'application/merge-patch+json', body: JSON.stringify(patch),
      headers: version ? { 'If-Match': version } : {} });
    done('Settings saved.');
    await settings();
  } catch (e) {
    if (e.status === 412) {
      showProblems(settingsForm, Object.assign(e, { message: 'Someone changed the settings meanwhile; they are shown'
        + ' again as they are now. Make your change again.' }));
      await settings();
    } else {
      showProblems(settingsForm, e);
    }
  }
});

document.getElementById('transcripts').addEventListener('change', (event) => {
  const enabled = event.target.checked;
  act(() => api('PUT', base + '/transcript-setting', json({ enabled })),
    enabled ? 'Consoles are transcribed from now on.' : 'Consoles are no longer transcribed.');
});

document.getElementById('rotate').addEventListener('click', () => {
  if (document.getElementById('join-code').textContent !== 'none yet'
    && !window.confirm('Make a new join code? The old one stops working at once.')) return;
  act(async () => {
    const { json: made } = await api('POST', base + '/join-code');
    document.getElementById('join-code').textContent = made.joinCode;
  }, 'A new join code is in force.');
});

document.getElementById('reapply').addEventListener('click', () => {
  if (!window.confirm('Copy the template into every student lab that is not running? Students\' edits are lost.')) {
    return;
  }
  act(async () => {
    const { json: r } = await api('POST', base + '/template/apply', json({}));
    document.getElementById('reapply-result').replaceChildren(
      'Template version ' + r.templateVersion + ' applied to ' + r.updated.length + ' labs; '
        + r.skipped.length + ' skipped.',
      r.skipped.length ? el('ul', {}, r.skipped.map((s) => el('li', { text: s.student + ': ' + s.reason }))) : '');
  }, 'Template re-applied.');
});

async function roster() {
  try {
    const { json: r } = await api('GET', base + '/roster');
    const box = document.getElementById('roster');
    box.replaceChildren(table('Roster of ' + course, ['Username', 'Role', 'Lab', 'Added', 'By', ''],
      r.members.map((m) => el('tr', { 'data-member': m.username },
        el('th', { scope: 'row', text: m.username }), el('td', { text: m.role }),
        el('td', {}, m.lab ? el('a', { href: '/labs/' + m.lab, text: 'lab' }) : ''),
        el('td', { text: when(m.addedAt) }), el('td', { text: m.source === 'idp' ? 'group' : 'hand' }),
        el('td', {}, el('button', { type: 'button', class: 'danger', 'data-action': 'remove',
          'aria-label': 'Remove ' + m.username, text: 'Remove', onclick: () => remove(m.username) })))),
      { hideCaption: true }));
    box.removeAttribute('aria-busy');
    document.getElementById('roster-h').textContent = 'Roster (' + r.members.filter((m) => m.role === 'student')
      .length + ' students)';
  } catch (e) {
    showError(e.message);
  }
}

function remove(username) {
  if (!window.confirm('Remove ' + username + ' from ' + course + '? Their future bookings are cancelled.')) return;
  act(() => api('DELETE', base + '/roster/' + encodeURIComponent(username)), 'Removed ' + username + '.', roster);
}

const addForm = document.getElementById('add-form');
addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(addForm);
  const role = document.getElementById('r-role').value;
  const names = document.getElementById('r-usernames').value.split(/[\n,]+/).map((s) => s.trim()).filter((s) => s);
  try {
    await api('POST', base + '/roster', json({ members: names.map((username) => ({ username, role })) }));
    addForm.reset();
    done('Added ' + names.length + ' to the roster.');
    await roster();
  } catch (e) {
    showProblems(addForm, e);
  }
});

const csvForm = document.getElementById('csv-form');
csvForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(csvForm);
  const file = document.getElementById('r-csv').files[0];
  try {
    if (!file) throw Object.assign(new Error('Choose a CSV file first.'), { problem: { errors: [
      { pointer: '/csv', detail: 'no file chosen' }] } });
    const text = await file.text();
    const { json: r } = await api('POST', base + '/roster', { type: 'text/csv', body: text });
    csvForm.reset();
    done('Uploaded ' + file.name + ': ' + r.members.length + ' members now.');
    await roster();
  } catch (e) {
    // the API points at the file's 0-based line ("/3"): say which line, beside the file field
    const errors = e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    e.problem = { ...e.problem, errors: errors.map((item) => ({ pointer: '/csv', detail: /^\/\d+$/.test(item.pointer)
      ? 'line ' + (Number(item.pointer.slice(1)) + 1) + ': ' + item.detail : item.detail })) };
    showProblems(csvForm, e);
  }
});

const groupForm = document.getElementById('group-form');
async function group() {
  try {
    const { json: g } = await api('GET', base + '/idp-group');
    document.getElementById('g-group').value = g.idpGroup || '';
    document.getElementById('g-group').readOnly = main.dataset.admin !== 'true';
  } catch (e) {
    showError(e.message);
  }
}
groupForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(groupForm);
  try {
    const { json: g } = await api('PUT', base + '/idp-group', json(body(groupForm)));
    done('The roster follows ' + g.idpGroup + ': its members are enrolled at their next sign-in.');
  } catch (e) {
    showProblems(groupForm, e);
  }
});
document.getElementById('group-clear')?.addEventListener('click', () =>
  act(() => api('DELETE', base + '/idp-group'), 'The roster follows no group.', group));

const sessionForm = document.getElementById('session-form');
sessionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(sessionForm);
  const local = document.getElementById('s-start').value;
  const minutes = Number(document.getElementById('s-minutes').value);
  const until = document.getElementById('s-until').value;
  const seats = document.getElementById('s-seats').value;
  const start = local ? new Date(local) : null;
  const doc = {
    start: start && !isNaN(start) ? start.toISOString() : local,
    end: start && !isNaN(start) ? new Date(start.getTime() + minutes * 60000).toISOString() : local,
  };
  if (until) doc.recurrence = 'FREQ=WEEKLY;UNTIL=' + until.replaceAll('-', '');
  if (seats) doc.seats = Number(seats);
  try {
    const { json: s } = await api('POST', base + '/sessions', json(doc));
    sessionForm.reset();
    done('Booked ' + s.occurrences.length + (s.occurrences.length === 1 ? ' occurrence' : ' occurrences')
      + ' of ' + s.seats + ' seats.');
    await sessions();
  } catch (e) {
    showProblems(sessionForm, e);
  }
});

async function sessions() {
  try {
    const { json: list } = await api('GET', base + '/sessions');
    const box = document.getElementById('sessions');
    box.replaceChildren(...(list.length === 0 ? [el('p', { class: 'muted', text: 'No sessions booked yet.' })]
      : list.map(session)));
    box.removeAttribute('aria-busy');
  } catch (e) {
    showError(e.message);
  }
}

function session(s) {
  const heading = 'session-' + s.id;
  const open = !s.cancelledAt && s.occurrences.some((o) => o.state === 'booked' || o.state === 'active');
  return el('section', { class: 'course', 'data-session': s.id, 'aria-labelledby': heading },
    el('h3', { id: heading, text: (s.recurrence ? 'Weekly from ' : 'Once, ') + when(s.start) + ' · ' + s.seats
      + ' seats' + (s.cancelledAt ? ' · cancelled' : '') }),
    open ? el('button', { type: 'button', class: 'danger', 'data-action': 'cancel-series', text: 'Cancel the series',
      onclick: () => {
        if (!window.confirm('Cancel every occurrence of this session that is not over?')) return;
        act(() => api('DELETE', base + '/sessions/' + s.id), 'Cancelled the session.', sessions);
      } }) : null,
    el('div', { class: 'table-wrap' }, table('Occurrences', ['#', 'Start', 'End', 'State', ''],
      s.occurrences.map((o) => el('tr', { 'data-seq': String(o.seq), 'data-state': o.state },
        el('td', { text: String(o.seq) }), el('td', { text: when(o.start) }), el('td', { text: when(o.end) }),
        el('td', { 'data-role': 'state', text: o.state }),
        el('td', {}, o.state === 'booked' || o.state === 'active' ? el('button', { type: 'button',
          class: 'secondary', 'data-action': 'cancel', 'aria-label': 'Cancel occurrence ' + o.seq,
          text: 'Cancel', onclick: () => act(() => api('DELETE', base + '/sessions/' + s.id + '/occurrences/'
            + o.seq), 'Cancelled occurrence ' + o.seq + '.', sessions) }) : ''))),
    { hideCaption: true })));
}

settings();
roster();
group();
sessions();
