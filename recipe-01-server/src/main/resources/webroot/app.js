// Recipe 01's page: one WebSocket to the server that served this page.
const PROTOCOL = 'echo-protocol';
const STATES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];

const log = document.getElementById('log');
const state = document.getElementById('state');
const form = document.getElementById('send-form');
const input = document.getElementById('message');

let socket;

// Same host and port as the page, ws: or wss: to match http: or https:.
function socketUrl() {
  const url = new URL(location);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

// Every line goes in as text: a message from the server never becomes HTML.
function show(text, kind = '') {
  const line = document.createElement('li');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  line.className = kind;
  log.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

function showState() {
  state.textContent = STATES[socket.readyState];
}

function connect() {
  socket = new WebSocket(socketUrl(), PROTOCOL);
  socket.binaryType = 'arraybuffer';
  document.getElementById('url').textContent = socket.url;
  showState();

  socket.onopen = () => {
    showState();
    show(`open: connected with protocol '${socket.protocol}'`);
  };
  socket.onmessage = (event) => {
    const data = typeof event.data === 'string' ? `'${event.data}'` : `${event.data.byteLength} bytes`;
    show(`received: ${data}`, 'in');
  };
  socket.onerror = () => show('error: the connection failed (see the server log for why)', 'error');
  socket.onclose = (event) => {
    showState();
    show(`close: code ${event.code}${event.reason ? `, reason '${event.reason}'` : ''}, clean: ${event.wasClean}`);
  };
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (socket.readyState !== WebSocket.OPEN) {
    show('not connected: press Reconnect', 'error');
    return;
  }
  socket.send(input.value);
  show(`sent: '${input.value}'`, 'out');
});

document.getElementById('close').addEventListener('click', () => {
  socket.close(1000, 'bye from the page');
  showState();
});

document.getElementById('reconnect').addEventListener('click', () => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.close(1000, 'reconnecting');
  }
  connect();
});

connect();
