import { api, el } from './page.js';

// Serial consoles in the page: one tab per node, an xterm.js terminal on the console WebSocket. A ticket (bought
// with the session, single use, 30 s) opens the socket. When the node stops or restarts the socket closes; the tab
// reconnects with a fresh ticket as soon as the node is READY again.
const consoles = new Map();

export function consoleOf(node) {
  return consoles.get(node);
}

export function openConsole(base, node, currentState) {
  document.getElementById('consoles').hidden = false;
  let entry = consoles.get(node);
  if (!entry) {
    entry = new NodeConsole(base, node, currentState);
    consoles.set(node, entry);
  }
  select(node);
  entry.connect();
}

function select(node) {
  for (const [name, entry] of consoles) {
    const on = name === node;
    entry.tab.setAttribute('aria-selected', String(on));
    entry.tab.tabIndex = on ? 0 : -1;
    entry.panel.hidden = !on;
    if (on) entry.fit.fit();
  }
}

class NodeConsole {
  constructor(base, node, currentState) {
    this.base = base;
    this.node = node;
    this.currentState = currentState;
    this.socket = null;
    this.wanted = false;
    const key = 'console-' + node.replace(/[^A-Za-z0-9_-]/g, '_');
    this.tab = el('button', { role: 'tab', id: key + '-tab', 'aria-controls': key, type: 'button',
      'data-console-tab': node, text: node, onclick: () => select(node) });
    this.status = el('p', { class: 'console-status', 'aria-live': 'polite' });
    this.screen = el('div', { class: 'terminal', 'data-console': node });
    this.panel = el('div', { role: 'tabpanel', id: key, 'aria-labelledby': key + '-tab' }, this.status, this.screen);
    document.getElementById('console-tabs').append(this.tab);
    document.getElementById('console-panels').append(this.panel);
    this.terminal = new window.Terminal({ convertEol: false, cursorBlink: true, fontSize: 14, rows: 20,
      screenReaderMode: true });
    this.fit = new window.FitAddon.FitAddon();
    this.terminal.loadAddon(this.fit);
    this.terminal.open(this.screen);
    this.screen.terminal = this.terminal; // what the screen holds, for tests and the browser's console
    this.fit.fit();
    this.terminal.onData((data) => {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
    });
  }

  say(text) {
    this.status.textContent = text;
  }

  async connect() {
    this.wanted = true;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    if (this.currentState() !== 'READY') {
      this.say('Waiting for ' + this.node + ' to be READY…');
      return;
    }
    this.say('Connecting…');
    let ticket;
    try {
      ({ json: ticket } = await api('POST', this.base + '/nodes/' + encodeURIComponent(this.node) + '/console/tickets',
        { body: '{"kind":"serial"}', type: 'application/json' }));
    } catch (e) {
      this.say('No console: ' + e.message);
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + window.location.host + ticket.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => this.say('Connected to ' + this.node + '.');
    socket.onmessage = (message) => {
      if (typeof message.data === 'string') this.notice(message.data);
      else this.terminal.write(new Uint8Array(message.data));
    };
    socket.onclose = (close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.say('Disconnected' + (close.reason ? ': ' + close.reason : '') + '.'
        + (close.code === 4002 || close.code === 4003 ? '' : ' Reconnects when ' + this.node + ' is READY.'));
      if (close.code === 4002 || close.code === 4003) this.wanted = false;
      else setTimeout(() => this.nodeState(this.currentState()), 1000);
    };
  }

  notice(text) {
    try {
      const notice = JSON.parse(text);
      if (notice.console === 'joined') this.say('Connected to ' + this.node + ' as ' + notice.role + '.');
      else if (notice.console) this.say(notice.console + (notice.detail ? ': ' + notice.detail : ''));
    } catch (e) { /* not a notice */ }
  }

  /** The lab page read the node's state: reconnect a wanted console whose node is READY again. */
  nodeState(state) {
    if (this.wanted && state === 'READY' && !this.socket) this.connect();
  }
}
