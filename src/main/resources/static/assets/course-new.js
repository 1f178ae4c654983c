import { api, body, clearErrors, el, showError, showProblems } from './admin.js';
import { allows } from './page.js';

// Create a course: the template is any lab the person signed in may edit, the pool any capacity pool; the API's
// validation problems come back beside the fields they point at. Made, the course's set-up page opens.

const form = document.getElementById('course-form');
const zone = document.getElementById('c-zone');

async function choices() {
  try {
    const [pools, labs] = await Promise.all([api('GET', '/api/v1/capacity/pools'), editableLabs()]);
    document.getElementById('c-pool').replaceChildren(...pools.json.map((p) => el('option', { value: p.name,
      text: p.name + ' (' + p.vcpus + ' vCPUs, ' + p.nodes + ' router VMs)' })));
    document.getElementById('c-template').replaceChildren(
      el('option', { value: '', text: labs.length ? 'Choose a lab' : 'You have no lab you may edit' }),
      ...labs.map((lab) => el('option', { value: lab.id, text: lab.name + ' (' + lab.owner.name + ')' })));
  } catch (e) {
    showError(e.message);
  }
}

async function editableLabs() {
  const all = [];
  for (let page = 0; ; page++) {
    const { json } = await api('GET', '/api/v1/labs?size=100&page=' + page);
    all.push(...json.items.filter((lab) => allows(String(lab.permission).toLowerCase(), 'edit')));
    if (page + 1 >= json.totalPages) return all;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  try {
    const { json } = await api('POST', '/api/v1/courses', { type: 'application/json',
      body: JSON.stringify(body(form)) });
    window.location.assign('/courses/' + encodeURIComponent(json.name) + '/setup');
  } catch (e) {
    showProblems(form, e);
  }
});

try {
  zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
} catch (e) {
  zone.value = '';
}
choices();
