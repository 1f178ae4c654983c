import { act, api, clearErrors, el, fill, showError, submitsAsJson, table } from './admin.js';

// The image catalog: list, register (the API's validation problems beside the fields), edit or delete an entry no
// lab uses (the API refuses one in use, and says so), register a changed copy of an entry under a new name.

const form = document.getElementById('image-form');
const heading = document.getElementById('form-h');
const submit = form.querySelector('[data-role="submit"]');
const nameInput = document.getElementById('f-name');
const list = document.getElementById('images');

async function load() {
  try {
    const { json } = await api('GET', '/api/v1/images');
    list.replaceChildren(json.length === 0 ? el('p', { class: 'muted', text: 'The catalog is empty.' })
      : table('Registered images', ['Name', 'containerDisk', 'Defaults', 'Ports', 'NIC, config, readiness', ''],
        json.map(row), { hideCaption: true }));
    list.removeAttribute('aria-busy');
  } catch (e) {
    showError(e.message);
  }
}

function row(image) {
  const i = image.interfaces;
  const ports = i.pattern + ' from ' + i.firstPort + ', ' + i.maxPorts + ' ports'
    + (i.aliases ? ' (also ' + i.aliases.join(', ') + ')' : '');
  const readiness = image.readiness.probe + (image.readiness.port ? ':' + image.readiness.port : '');
  return el('tr', { 'data-image': image.name },
    el('th', { scope: 'row' }, el('span', { class: 'name', text: image.name }),
      image.description ? el('span', { class: 'muted block', text: image.description }) : null),
    el('td', { class: 'wrap', text: image.containerDisk }),
    el('td', { text: image.defaultCpu + ' vCPU, ' + image.defaultMemoryMib + ' MiB' }),
    el('td', { text: ports }),
    el('td', { text: image.nicModel + ', ' + image.configDelivery + ', ' + readiness
      + (image.clabKind ? ', kind ' + image.clabKind : '') }),
    el('td', {}, el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-action': 'edit', 'aria-label': 'Edit ' + image.name, text: 'Edit',
        onclick: () => edit(image) }),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'copy', 'aria-label': 'Copy ' + image.name,
        text: 'Copy', onclick: () => copy(image) }),
      el('button', { type: 'button', class: 'danger', 'data-action': 'delete', 'aria-label': 'Delete ' + image.name,
        text: 'Delete', onclick: () => remove(image.name) }))));
}

function edit(image) {
  fill(form, image);
  clearErrors(form);
  form.dataset.method = 'PUT';
  form.dataset.path = '/api/v1/images/' + encodeURIComponent(image.name);
  nameInput.readOnly = true; // an entry keeps its name: labs refer to it by name
  heading.textContent = 'Edit ' + image.name;
  submit.textContent = 'Save';
  document.getElementById('f-description').focus();
}

function copy(image) {
  registering();
  fill(form, { ...image, name: image.name + '-2' });
  clearErrors(form);
  heading.textContent = 'Register a changed copy of ' + image.name;
  nameInput.focus();
  nameInput.select();
}

function registering() {
  form.dataset.method = 'POST';
  form.dataset.path = '/api/v1/images';
  nameInput.readOnly = false;
  heading.textContent = 'Register an image';
  submit.textContent = 'Register';
}

function remove(name) {
  if (!window.confirm('Delete the image ' + name + ' from the catalog?')) return;
  act(() => api('DELETE', '/api/v1/images/' + encodeURIComponent(name)), 'Deleted ' + name + '.', load);
}

submitsAsJson(form, { POST: 'Registered', PUT: 'Saved' }, load);
form.addEventListener('reset', () => {
  clearErrors(form);
  registering();
});

load();
