import { api, el, showError } from './page.js';

// Create a lab from a form: routers (name, image from the catalog) and links (router and interface at each end).
// The JSON sent is the API's own lab document; each problem the service answers with names a JSON pointer, shown
// beside the field whose data-pointer is the longest prefix of it (a field, else its row, else the form's list).

const form = document.getElementById('create');
const routers = document.getElementById('routers');
const links = document.getElementById('links');
let images = [];
let uid = 0;

function field(label, control, pointer) {
  const id = 'f' + (++uid);
  control.id = id;
  return el('div', { class: 'field', 'data-pointer': pointer }, el('label', { for: id, text: label }), control);
}

function routerNames() {
  return [...routers.querySelectorAll('input[data-role="router-name"]')].map((i) => i.value.trim()).filter(Boolean);
}

function addRouter() {
  const i = routers.children.length;
  const name = el('input', { type: 'text', autocomplete: 'off', 'data-role': 'router-name', value: 'r' + (i + 1) });
  const image = el('select', { 'data-role': 'router-image' },
    images.map((im) => el('option', { value: im.name, text: im.name + (im.description ? ' · ' + im.description : '') })));
  const row = el('li', { class: 'row', 'data-row': 'router' },
    field('Router name', name, ''), field('Image', image, ''),
    el('button', { type: 'button', class: 'secondary', text: 'Remove', 'aria-label': 'Remove this router',
      onclick: () => { row.remove(); renumber(); } }));
  name.addEventListener('change', refreshEnds);
  routers.append(row);
  renumber();
}

function endpoint(label) {
  const router = el('select', { 'data-role': 'end-router' });
  const port = el('input', { type: 'text', autocomplete: 'off', 'data-role': 'end-port', size: '8' });
  const box = el('div', { class: 'end', 'data-role': 'end' },
    field(label + ' router', router, null), field(label + ' interface', port, null));
  return box;
}

function addLink() {
  const row = el('li', { class: 'row', 'data-row': 'link' }, endpoint('A: '), endpoint('B: '),
    el('button', { type: 'button', class: 'secondary', text: 'Remove', 'aria-label': 'Remove this link',
      onclick: () => { row.remove(); renumber(); } }));
  links.append(row);
  refreshEnds();
  // a sensible first guess: the first two routers, each on its next free interface
  const names = routerNames();
  const ends = row.querySelectorAll('[data-role="end"]');
  ends.forEach((end, k) => {
    const router = names[Math.min(k, names.length - 1)] || '';
    end.querySelector('select').value = router;
    end.querySelector('input').value = nextPort(router, row);
  });
  renumber();
}

// the next interface of the router's image not used by another link yet: eth1, eth2 ... by the catalog's pattern
function nextPort(router, except) {
  const row = [...routers.children].find((r) => r.querySelector('[data-role="router-name"]').value.trim() === router);
  const image = row && images.find((im) => im.name === row.querySelector('[data-role="router-image"]').value);
  const pattern = (image && image.interfaces && image.interfaces.pattern) || 'eth{n}';
  const first = (image && image.interfaces && image.interfaces.firstPort) || 1;
  const used = new Set([...links.querySelectorAll('[data-role="end"]')]
    .filter((end) => !except.contains(end) && end.querySelector('select').value === router)
    .map((end) => end.querySelector('input').value.trim()));
  for (let n = first; ; n++) {
    const candidate = pattern.replace('{n}', String(n));
    if (!used.has(candidate)) return candidate;
  }
}

function refreshEnds() {
  const names = routerNames();
  for (const select of links.querySelectorAll('select[data-role="end-router"]')) {
    const kept = select.value;
    select.replaceChildren(...names.map((n) => el('option', { value: n, text: n })));
    if (names.includes(kept)) select.value = kept;
  }
}

// rows keep their JSON pointers in step with their position
function renumber() {
  [...routers.children].forEach((row, i) => {
    row.dataset.pointer = '/nodes/' + i;
    row.querySelector('[data-role="router-name"]').parentElement.dataset.pointer = '/nodes/' + i + '/name';
    row.querySelector('[data-role="router-image"]').parentElement.dataset.pointer = '/nodes/' + i + '/image';
  });
  [...links.children].forEach((row, i) => {
    row.dataset.pointer = '/links/' + i;
    row.querySelectorAll('[data-role="end"]').forEach((end, k) => {
      end.dataset.pointer = '/links/' + i + '/endpoints/' + k;
    });
  });
  refreshEnds();
}

function documentOf() {
  const description = document.getElementById('lab-description').value.trim();
  return {
    name: document.getElementById('lab-name').value.trim(),
    ...(description ? { description } : {}),
    nodes: [...routers.children].map((row) => ({
      name: row.querySelector('[data-role="router-name"]').value.trim(),
      image: row.querySelector('[data-role="router-image"]').value,
    })),
    links: [...links.children].map((row) => ({
      endpoints: [...row.querySelectorAll('[data-role="end"]')].map((end) =>
        end.querySelector('select').value + ':' + end.querySelector('input').value.trim()),
    })),
  };
}

function clearProblems() {
  form.querySelectorAll('.problem').forEach((p) => p.remove());
  form.querySelectorAll('[aria-invalid]').forEach((c) => { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
  document.getElementById('problems').replaceChildren();
  showError('');
}

// the element whose data-pointer is the longest whole-segment prefix of the problem's pointer
function placeOf(pointer) {
  let best = null;
  for (const node of form.querySelectorAll('[data-pointer]')) {
    const p = node.dataset.pointer;
    if (p && (pointer === p || pointer.startsWith(p + '/')) && (!best || p.length > best.dataset.pointer.length)) {
      best = node;
    }
  }
  return best;
}

function showProblems(problems) {
  const unplaced = [];
  for (const problem of problems) {
    const text = problem.detail || problem.message || 'invalid';
    const place = problem.pointer ? placeOf(problem.pointer) : null;
    if (!place) { unplaced.push((problem.pointer || problem.parameter || '') + ' ' + text); continue; }
    const note = el('p', { class: 'problem', id: 'p' + (++uid), text });
    const control = place.matches('fieldset') ? null : place.querySelector('input, select');
    if (place.matches('fieldset')) place.querySelector('.rows').before(note);
    else place.append(note);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + note.id).trim());
    }
  }
  document.getElementById('problems').replaceChildren(...unplaced.map((t) => el('li', { text: t })));
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems();
  try {
    const { json } = await api('POST', '/api/v1/labs', { type: 'application/json', body: JSON.stringify(documentOf()) });
    window.location.assign('/labs/' + json.id);
  } catch (e) {
    const problems = (e.problem && e.problem.errors) || [];
    showError(e.message);
    showProblems(problems);
  }
});

document.getElementById('add-router').addEventListener('click', addRouter);
document.getElementById('add-link').addEventListener('click', addLink);

(async () => {
  try {
    images = (await api('GET', '/api/v1/images')).json;
    if (images.length === 0) showError('The image catalog is empty: an administrator must add an image first.');
  } catch (e) {
    showError(e.message);
  }
  addRouter();
  addRouter();
  addLink();
})();
