import { api, el, showError } from './page.js';

// The labs list: mine, my teams', shared with me. One call per scope; each row links to the lab's page.
async function load() {
  try {
    const [owned, shared] = await Promise.all([
      api('GET', '/api/v1/labs?scope=owned&size=100'),
      api('GET', '/api/v1/labs?scope=shared&size=100'),
    ]);
    const me = await api('GET', '/api/v1/me');
    const mine = owned.json.items.filter((lab) => lab.owner.kind === 'user' && lab.owner.id === me.json.id);
    const teams = owned.json.items.filter((lab) => !mine.includes(lab));
    render('mine', mine, 'You have no labs yet: import one.');
    render('teams', teams, 'None of your teams owns a lab.');
    render('shared', shared.json.items, 'Nobody shared a lab with you.');
  } catch (e) {
    showError(e.message);
  }
}

function render(id, labs, empty) {
  const box = document.getElementById(id);
  box.replaceChildren();
  if (labs.length === 0) {
    box.append(el('p', { class: 'muted', text: empty }));
    return;
  }
  const rows = labs.map((lab) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: '/labs/' + lab.id, text: lab.name }),
      lab.description ? el('div', { class: 'muted', text: lab.description }) : null),
    el('td', { text: lab.owner.name }),
    el('td', { text: String(lab.nodeCount) }),
    el('td', { text: lab.permission }),
    el('td', { class: 'state', 'data-lab-state': lab.id })));
  box.append(el('table', {},
    el('thead', {}, el('tr', {}, ['Lab', 'Owner', 'Nodes', 'Your permission', 'State']
      .map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows)));
  for (const lab of labs) state(lab.id);
}

// each lab's live state as it stands when the list is shown
async function state(id) {
  try {
    const { json } = await api('GET', '/api/v1/labs/' + id);
    const cell = document.querySelector('[data-lab-state="' + id + '"]');
    const value = json.status ? json.status.state : 'DEFINED';
    cell.textContent = value;
    cell.dataset.state = value;
  } catch (e) { /* the lab went away meanwhile */ }
}

load();
