import { api, el, showError } from './page.js';

// Import a containerlab file through the API; show the file with each warning beside the line its JSON pointer names.
document.getElementById('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const file = document.getElementById('file').files[0];
  if (!file) return;
  const text = await file.text();
  const name = document.getElementById('name').value.trim();
  try {
    const { json } = await api('POST', '/api/v1/labs' + (name ? '?name=' + encodeURIComponent(name) : ''),
      { body: text, type: 'application/yaml' });
    show(text, json.warnings || [], json);
  } catch (e) {
    showError(e.message);
    const problems = (e.problem && e.problem.errors) || [];
    if (problems.length) show(text, problems.map((p) => ({ pointer: p.pointer, message: p.detail || p.message })));
  }
});

function show(text, notes, lab) {
  const lines = text.split('\n');
  const byLine = new Map();
  const unplaced = [];
  for (const note of notes) {
    const line = lineOf(lines, note.pointer);
    if (line === null) unplaced.push(note);
    else byLine.set(line, [...(byLine.get(line) || []), note]);
  }
  document.getElementById('result').hidden = false;
  document.getElementById('result-h').textContent = lab ? 'Imported' : 'Not imported';
  const link = document.getElementById('lab-link');
  link.hidden = !lab;
  if (lab) link.href = '/labs/' + lab.id;
  document.getElementById('warning-count').textContent = notes.length === 0 ? 'No warnings.'
    : notes.length + (lab ? ' warning(s): fields that mean nothing for a VM lab.' : ' problem(s).');
  const source = document.getElementById('source');
  source.replaceChildren(
    ...unplaced.map((n) => el('li', { class: 'note unplaced' }, noteText(n))),
    ...lines.map((line, i) => el('li', { value: String(i + 1), class: byLine.has(i) ? 'flagged' : null },
      el('code', { text: line }),
      ...(byLine.get(i) || []).map((n) => el('span', { class: 'note' }, noteText(n))))));
}

function noteText(note) {
  return [el('span', { class: 'pointer', text: note.pointer || '' }), ' ', note.message || ''];
}

// The line a JSON pointer names in a block-style YAML file: follow keys (and list items) down by indentation.
function lineOf(lines, pointer) {
  if (!pointer || pointer === '/' || !pointer.startsWith('/')) return null;
  const segments = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let from = 0;
  let to = lines.length;
  let parentIndent = -1;
  let found = null;
  for (const segment of segments) {
    let hit = null;
    let item = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i];
      const trimmed = line.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const indent = line.length - trimmed.length;
      if (indent <= parentIndent) { to = i; break; }
      if (/^\d+$/.test(segment) && trimmed.startsWith('- ')) {
        item++;
        if (item === Number(segment)) { hit = { i, indent }; break; }
      } else if (trimmed.startsWith(segment + ':') || trimmed.startsWith('"' + segment + '":')
        || trimmed.startsWith('- ' + segment + ':')) {
        hit = { i, indent: trimmed.startsWith('- ') ? indent + 2 : indent };
        break;
      }
    }
    if (!hit) return found;
    found = hit.i;
    from = hit.i + 1;
    parentIndent = hit.indent;
    to = lines.length;
  }
  return found;
}
