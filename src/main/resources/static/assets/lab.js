import { api, el, showError, allows } from './page.js';
import { openConsole, nodeStates } from './console.js';

// A lab's page: its picture coloured by live state, actions for those who may operate it, the event log (a
// Server-Sent Events stream: every event makes the page read the lab again, there is no polling), sharing, export,
// and editing guarded by the ETag.
const main = document.getElementById('lab');
const id = main.dataset.lab;
const base = '/api/v1/labs/' + id;
let lab = null;
let etag = null;
// ?watch (the class view's link): an instructor looks at a student's consoles without typing into them
const watch = new URLSearchParams(window.location.search).has('watch');

async function refresh() {
  try {
    const { json, response } = await api('GET', base);
    lab = json;
    etag = response.headers.get('ETag');
    render();
  } catch (e) {
    showError(e.message);
  }
}

function state(node) {
  const found = lab.status && (lab.status.nodes || []).find((n) => n.name === node);
  return found ? found.state : 'DEFINED';
}

function render() {
  document.title = lab.name + ' · LabForge';
  document.getElementById('lab-name').textContent = lab.name;
  const labState = lab.status ? lab.status.state : 'DEFINED';
  const badge = document.getElementById('lab-state');
  badge.textContent = labState + (lab.status ? ' · ' + lab.status.ready + '/' + lab.status.total + ' ready' : '');
  badge.dataset.state = labState;
  document.getElementById('lab-description').textContent = lab.description || '';
  document.getElementById('lab-meta').textContent = 'Owner ' + lab.owner.name + ' · your permission: '
    + lab.permission + ' · version ' + lab.version;
  const operate = allows(lab.permission, 'operate');
  document.getElementById('lab-actions').replaceChildren(...(operate
    ? ['start', 'stop', 'destroy'].map((action) => button(action, 'lab', () => act(base + '/' + action)))
    : []));
  document.getElementById('nodes').replaceChildren(...lab.nodes.map((node) => el('tr', { 'data-node': node.name },
    el('th', { scope: 'row', text: node.name }),
    el('td', { text: node.image }),
    el('td', { class: 'state', 'data-state': state(node.name), text: state(node.name) }),
    el('td', { class: 'actions' }, operate ? [
      ...['start', 'stop', 'restart'].map((action) =>
        button(action, node.name, () => act(base + '/nodes/' + encodeURIComponent(node.name) + '/' + action))),
      button('console', node.name, () => consoleOf(node.name, 'serial')),
      button('screen', node.name, () => consoleOf(node.name, 'vnc')),
    ] : []))));
  colourPicture();
  nodeStates(state);
  document.getElementById('edit').hidden = !allows(lab.permission, 'edit');
  document.getElementById('share').hidden = !allows(lab.permission, 'admin');
  document.getElementById('watching').hidden = !watch;
}

function consoleOf(node, kind) {
  openConsole(base, node, () => state(node), { kind, watch, instructor: allows(lab.permission, 'admin') });
}

function button(action, target, onclick) {
  return el('button', { type: 'button', 'data-action': action, 'aria-label': action + ' ' + target, onclick,
    text: action[0].toUpperCase() + action.slice(1) });
}

async function act(path) {
  showError('');
  try {
    await api('POST', path);
  } catch (e) {
    showError(e.message);
  }
}

// The server draws the picture; the page only colours each node card by its state (a data-state attribute and CSS).
async function loadPicture() {
  const { json } = await api('GET', base + '/topology.svg', { headers: { Accept: 'image/svg+xml' } });
  const svg = new DOMParser().parseFromString(json, 'image/svg+xml').documentElement;
  if (svg.nodeName !== 'svg') return;
  // the drawing is data, never code: drop anything that could run, whatever the CSP would do about it
  svg.querySelectorAll('script, foreignObject').forEach((n) => n.remove());
  svg.querySelectorAll('*').forEach((n) => [...n.attributes].forEach((a) => {
    if (a.name.toLowerCase().startsWith('on')) n.removeAttribute(a.name);
  }));
  svg.setAttribute('aria-hidden', 'true');
  // the picture scales (a viewBox, no size): never wider than drawn, so a small lab is not blown up
  const drawn = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
  if (drawn.length === 4 && drawn[2] > 0) svg.style.maxWidth = drawn[2] + 'px';
  document.getElementById('picture').replaceChildren(document.importNode(svg, true));
  colourPicture();
}

function colourPicture() {
  if (!lab) return;
  document.querySelectorAll('#picture g.node').forEach((g) => {
    const now = state(g.dataset.node);
    g.setAttribute('data-state', now);
    // the picture's own style colours the state dot by a state-<state> class (state-unknown as drawn)
    [...g.classList].filter((c) => c.startsWith('state-')).forEach((c) => g.classList.remove(c));
    g.classList.add('state-' + now.toLowerCase());
  });
}

// Editing: the file as exported, saved with If-Match so that a change by someone else meanwhile is refused (412).
async function loadDefinition() {
  const { json, response } = await api('GET', base, { headers: { Accept: 'application/yaml' } });
  document.getElementById('definition').value = json;
  document.getElementById('definition').dataset.etag = response.headers.get('ETag');
}

document.getElementById('edit').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const area = document.getElementById('definition');
  try {
    await api('PUT', base, { body: area.value, type: 'application/yaml', headers: { 'If-Match': area.dataset.etag } });
    await Promise.all([refresh(), loadDefinition(), loadPicture()]);
  } catch (e) {
    showError(e.status === 412
      ? 'Someone changed this lab since you loaded it: your edit was not saved. Reload to see their change.'
      : e.message);
  }
});

async function loadGrants() {
  try {
    const { json } = await api('GET', base + '/access');
    document.getElementById('grants').replaceChildren(...json.grants.map((g) =>
      el('li', { text: (g.user || ('team ' + g.team)) + ': ' + g.level })));
    document.getElementById('grants').dataset.grants = JSON.stringify(json.grants.map(
      ({ user, team, level }) => ({ user, team, level })));
  } catch (e) {
    document.getElementById('grants').replaceChildren(el('li', { class: 'muted', text: 'Only the lab\'s admins see who it is shared with.' }));
  }
}

document.getElementById('share').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const grants = JSON.parse(document.getElementById('grants').dataset.grants || '[]');
  grants.push({ user: document.getElementById('share-user').value.trim(),
    level: document.getElementById('share-level').value });
  try {
    await api('PUT', base + '/access', { body: JSON.stringify({ grants }), type: 'application/json' });
    await loadGrants();
  } catch (e) {
    showError(e.message);
  }
});

// The event log: the stream sends the backlog first, then each event as it is recorded; EventSource resumes after
// the last id it saw when the stream is cut.
let pending = null;
function listen() {
  const events = new EventSource(base + '/events');
  const log = document.getElementById('events');
  const onEvent = (message) => {
    const event = JSON.parse(message.data);
    log.prepend(el('li', {},
      el('time', { datetime: event.at, text: new Date(event.at).toLocaleTimeString() }), ' ',
      el('strong', { text: event.kind }), event.node ? ' ' + event.node : '', ' ', event.message || ''));
    clearTimeout(pending);
    pending = setTimeout(refresh, 100); // a burst of events makes one read
  };
  for (const kind of ['Requested', 'LabStateChanged', 'NodeStateChanged', 'NodeRestarted']) {
    events.addEventListener(kind, onEvent);
  }
  events.onmessage = onEvent;
}

document.getElementById('export').addEventListener('click', async (event) => {
  event.preventDefault();
  const { json } = await api('GET', base, { headers: { Accept: 'application/yaml' } });
  const link = el('a', { href: URL.createObjectURL(new Blob([json], { type: 'application/yaml' })),
    download: (lab ? lab.name : 'lab') + '.clab.yml' });
  link.click();
  URL.revokeObjectURL(link.href);
});

await refresh();
if (lab) {
  await loadPicture().catch((e) => showError(e.message));
  listen();
  loadGrants();
  if (allows(lab.permission, 'edit')) loadDefinition();
}
