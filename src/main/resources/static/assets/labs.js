import { showError } from './page.js';

// The labs list is rendered by the service with each lab's state; ONE stream for all the labs keeps the states live
// (no polling, no stream per row). A 'labs' event carries every lab's state, a 'lab' event one lab's.

const status = document.getElementById('stream-state');

function show(lab) {
  const cell = document.querySelector('[data-lab-state="' + CSS.escape(lab.id) + '"]');
  if (!cell) return; // a lab that became yours after the page was drawn: it shows at the next load
  cell.textContent = lab.state;
  cell.dataset.state = lab.state;
}

if (document.querySelector('[data-lab-state]')) {
  const stream = new EventSource('/api/v1/labs/states');
  stream.addEventListener('labs', (message) => {
    JSON.parse(message.data).items.forEach(show);
    status.textContent = 'States are live.';
    showError('');
  });
  stream.addEventListener('lab', (message) => show(JSON.parse(message.data)));
  stream.onerror = () => {
    status.textContent = 'Reconnecting…';
    if (stream.readyState === EventSource.CLOSED) showError('The live states stopped: reload the page.');
  };
}
