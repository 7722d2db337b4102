// Recipe 01: one WebSocket to the server that served this page.
const PROTOCOL = 'echo-protocol';
const STATES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];

const log = document.querySelector('#log');
const state = document.querySelector('#state');
const input = document.querySelector('#message');
let socket;

/** One line in the page's log; peer text is always set as text, never as HTML. */
function show(direction, text) {
  const line = document.createElement('li');
  line.className = direction;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(text));
  log.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

/** Same host and port as the page; ws: or wss: to match http: or https:. */
function socketUrl() {
  const url = new URL(location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

function showState() {
  state.textContent = STATES[socket.readyState];
}

function connect() {
  socket = new WebSocket(socketUrl(), PROTOCOL);
  socket.binaryType = 'arraybuffer';
  document.querySelector('#url').textContent = socket.url;
  showState();
  socket.onopen = () => {
    showState();
    show('info', `open: connected with protocol '${socket.protocol}'`);
  };
  socket.onmessage = (event) => {
    const data = typeof event.data === 'string' ? `'${event.data}'` : `${event.data.byteLength} bytes`;
    show('received', `received: ${data}`);
  };
  socket.onerror = () => show('error', 'error: the connection failed (the server log says why)');
  socket.onclose = (event) => {
    showState();
    show('info', `close: code ${event.code}${event.reason ? `, reason '${event.reason}'` : ''}, clean: ${event.wasClean}`);
  };
}

document.querySelector('#send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (socket.readyState !== WebSocket.OPEN) {
    show('error', 'not connected: press Reconnect');
    return;
  }
  socket.send(input.value);
  show('sent', `sent: '${input.value}'`);
});

document.querySelector('#close').addEventListener('click', () => {
  socket.close(1000, 'bye from the page');
  showState();
});

document.querySelector('#reconnect').addEventListener('click', () => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.close(1000, 'reconnecting');
  }
  connect();
});

connect();
