import { api, el } from './page.js';

// Consoles in the page: one tab per node and kind, the serial console in an xterm.js terminal and the VNC screen in
// noVNC, each on its console WebSocket. A ticket (bought with the session, single use, 30 s) opens the socket. When
// the node stops or restarts the socket closes; the tab reconnects with a fresh ticket as soon as the node is READY.
// Everyone at a console shares it: one has the keyboard, the others watch. An instructor (admin on the lab) may take
// the keyboard and give it back; "watching" opens the consoles without typing into them.
const TAKE_OVER = '{"console":"take-over"}';
const GIVE_BACK = '{"console":"give-back"}';
// closes after which opening again would end the same way: the tab waits for the person instead
const FINAL = new Set([4002, 4003, 4004, 4006, 4008, 4014, 4015, 4020, 4021, 4022, 4023]);
const WHY = {
  4005: 'This screen fell too far behind the node and was closed so that it would not hold up the others.',
  4020: 'The VNC client asked for a pixel format other than the shared screen\'s (32-bit true colour).',
  4021: 'The VNC client lacks an encoding the shared screen uses (CopyRect, Hextile, DesktopSize).',
  4022: 'The VNC client sent something a shared screen does not relay.',
  4023: 'The node\'s VNC server does not speak RFB 3.8 without a password: LabForge cannot share it.',
};
const tabs = new Map(); // 'serial r1', 'vnc r1' -> its tab

/** Opens (or shows again) the node's console of that kind: 'serial' or 'vnc'. */
export function openConsole(base, node, currentState, { kind = 'serial', watch = false, instructor = false } = {}) {
  document.getElementById('consoles').hidden = false;
  const key = kind + ' ' + node;
  let tab = tabs.get(key);
  if (!tab) {
    tab = new ConsoleTab(base, node, kind, currentState, watch, instructor);
    tabs.set(key, tab);
  }
  select(key);
  tab.connect();
}

/** The lab page read the nodes' states: reconnect wanted consoles whose node is READY again. */
export function nodeStates(stateOf) {
  for (const tab of tabs.values()) tab.nodeState(stateOf(tab.node));
}

function select(key) {
  for (const [each, tab] of tabs) {
    const on = each === key;
    tab.tab.setAttribute('aria-selected', String(on));
    tab.tab.tabIndex = on ? 0 : -1;
    tab.panel.hidden = !on;
    if (on) tab.shown();
  }
}

class ConsoleTab {
  constructor(base, node, kind, currentState, watch, instructor) {
    Object.assign(this, { base, node, kind, currentState, watch, instructor });
    this.socket = null;
    this.wanted = false;
    this.role = null; // serial: 'driver' or 'watcher', as the service says
    this.took = false; // this page took the keyboard and may give it back
    const id = 'console-' + kind + '-' + node.replace(/[^A-Za-z0-9_-]/g, '_');
    const label = node + (kind === 'vnc' ? ' screen' : ' serial');
    this.tab = el('button', { role: 'tab', id: id + '-tab', 'aria-controls': id, type: 'button',
      'data-console-tab': node, 'data-kind': kind, text: label, onclick: () => select(kind + ' ' + node) });
    this.status = el('p', { class: 'console-status', 'aria-live': 'polite' });
    this.takeButton = el('button', { type: 'button', 'data-action': 'take-over', hidden: true,
      'aria-label': 'Take over ' + label, text: 'Take over', onclick: () => this.takeOver() });
    this.giveButton = el('button', { type: 'button', 'data-action': 'give-back', hidden: true,
      'aria-label': 'Give back ' + label, text: 'Give back', onclick: () => this.giveBack() });
    this.againButton = el('button', { type: 'button', 'data-action': 'reconnect', hidden: true,
      'aria-label': 'Reconnect ' + label, text: 'Reconnect', onclick: () => this.connect() });
    this.screen = kind === 'vnc'
      ? el('div', { class: 'screen', 'data-screen': node })
      : el('div', { class: 'terminal', 'data-console': node });
    this.panel = el('div', { role: 'tabpanel', id, 'aria-labelledby': id + '-tab' },
      el('div', { class: 'console-bar' }, this.status, this.takeButton, this.giveButton, this.againButton),
      this.screen);
    document.getElementById('console-tabs').append(this.tab);
    document.getElementById('console-panels').append(this.panel);
    if (kind === 'serial') this.terminal();
  }

  terminal() {
    this.term = new window.Terminal({ convertEol: false, cursorBlink: true, fontSize: 14, rows: 20,
      screenReaderMode: true });
    this.fit = new window.FitAddon.FitAddon();
    this.term.loadAddon(this.fit);
    this.term.open(this.screen);
    this.screen.terminal = this.term; // what the screen holds, for tests and the browser's console
    this.fit.fit();
    this.term.onData((data) => {
      if (this.watch && this.role !== 'driver') return; // watching: keys stay here until "Take over"
      if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
    });
  }

  shown() {
    if (this.fit) this.fit.fit();
  }

  say(text) {
    this.status.textContent = text;
  }

  buttons() {
    const open = this.socket !== null;
    const vnc = this.kind === 'vnc';
    this.takeButton.hidden = !open || this.took || (vnc ? !this.instructor && !this.watch : this.role !== 'watcher');
    this.giveButton.hidden = !open || !this.took;
    this.againButton.hidden = open || this.wanted;
  }

  async connect() {
    this.wanted = true;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    this.buttons();
    if (this.currentState() !== 'READY') {
      this.say('Waiting for ' + this.node + ' to be READY…');
      return;
    }
    this.say('Connecting…');
    let RFB = null;
    try {
      // noVNC must be loaded before the socket opens: the server speaks first, and a message with no handler is lost
      if (this.kind === 'vnc') ({ default: RFB } = await import('/assets/vendor/novnc/core/rfb.js'));
    } catch (e) {
      this.say('No screen: noVNC did not load (' + e.message + ').');
      return;
    }
    let ticket;
    try {
      ({ json: ticket } = await api('POST', this.base + '/nodes/' + encodeURIComponent(this.node) + '/console/tickets',
        { body: JSON.stringify({ kind: this.kind }), type: 'application/json' }));
    } catch (e) {
      this.say('No console: ' + e.message);
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + window.location.host + ticket.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.role = null;
    this.took = false;
    // noVNC sets the socket's on* handlers to its own: LabForge's listen beside them
    socket.addEventListener('close', (close) => this.closed(socket, close));
    if (this.kind === 'vnc') this.screenOn(socket, RFB);
    else this.serialOn(socket);
    this.buttons();
  }

  serialOn(socket) {
    socket.onopen = () => this.say('Connected to ' + this.node + '.');
    socket.onmessage = (message) => {
      if (typeof message.data === 'string') this.notice(message.data);
      else this.term.write(new Uint8Array(message.data));
    };
  }

  screenOn(socket, RFB) {
    const rfb = new RFB(this.screen, socket, { shared: true });
    rfb.viewOnly = this.watch;
    rfb.scaleViewport = true;
    this.rfb = rfb;
    this.screen.rfb = rfb; // for tests and the browser's console
    rfb.addEventListener('connect', () => {
      this.screen.dataset.connected = 'true';
      this.say('Connected to ' + this.node + '\'s screen' + (this.watch ? ', watching.' : '.'));
    });
    rfb.addEventListener('disconnect', () => delete this.screen.dataset.connected);
    // watching: whoever drove before keeps the keyboard (joining first would otherwise give it to us)
    if (this.watch) socket.addEventListener('open', () => socket.send(GIVE_BACK));
  }

  closed(socket, close) {
    if (this.socket !== socket) return;
    this.socket = null;
    this.role = null;
    this.took = false;
    const final = FINAL.has(close.code);
    this.say('Disconnected' + (close.reason ? ': ' + close.reason : '') + '.'
      + (WHY[close.code] ? ' ' + WHY[close.code] : '')
      + (final ? '' : ' Reconnects when ' + this.node + ' is READY.'));
    if (final) this.wanted = false;
    else setTimeout(() => this.nodeState(this.currentState()), 1000);
    this.buttons();
  }

  notice(text) {
    let notice;
    try {
      notice = JSON.parse(text);
    } catch (e) {
      return; // not a notice
    }
    if (notice.role) {
      this.role = notice.role;
      if (notice.role !== 'driver') this.took = false;
      // watching: let go of a keyboard we got only by coming first
      if (this.watch && notice.role === 'driver' && !this.took) {
        this.socket.send(GIVE_BACK);
        this.role = 'watcher';
      }
      this.say(this.role === 'driver' ? 'Connected to ' + this.node + ': you have the keyboard.'
        : 'Watching ' + this.node + (notice.driver ? ': ' + notice.driver + ' has the keyboard.' : '.'));
    } else if (notice.console) {
      if (notice.console === 'refused') this.took = false;
      this.say(notice.console + (notice.detail ? ': ' + notice.detail : ''));
    }
    this.buttons();
  }

  takeOver() {
    if (!this.socket) return;
    this.socket.send(TAKE_OVER);
    this.took = true;
    if (this.rfb) {
      this.rfb.viewOnly = false;
      this.rfb.focus();
      this.say('You have ' + this.node + '\'s keyboard and mouse.');
    } else {
      this.term.focus();
    }
    this.buttons();
  }

  giveBack() {
    if (!this.socket) return;
    this.socket.send(GIVE_BACK);
    this.took = false;
    if (this.rfb) {
      this.rfb.viewOnly = this.watch;
      this.say('Gave back ' + this.node + '\'s keyboard.');
    }
    this.buttons();
  }

  nodeState(state) {
    if (this.wanted && state === 'READY' && !this.socket) this.connect();
  }
}
