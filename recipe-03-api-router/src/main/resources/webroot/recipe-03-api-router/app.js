// Recipe 03 (listing 8-8): one page, two sockets to the same server, told apart only by the
// subprotocol each asks for. The server's mount table picks the endpoint for each.
const log = document.querySelector('#log');

/** One line in the page's log; peer text is always set as text, never as HTML. */
function show(direction, text, status) {
  const line = document.createElement('li');
  line.className = direction;
  if (status) {
    line.classList.add(`status-${String(status)[0]}xx`);
  }
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(text));
  log.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

/** ws://host:port/ from wherever this page was loaded, so it works on any host and port. */
function socketUrl() {
  const url = new URL(location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The status of a JSON reply, or undefined: replies are coloured by it, 2xx apart from 4xx. */
function statusOf(data) {
  try {
    return JSON.parse(data).status;
  } catch {
    return undefined;
  }
}

function open(protocol, stateId) {
  const socket = new WebSocket(socketUrl(), protocol);
  const state = document.getElementById(stateId);
  socket.onopen = () => {
    state.textContent = `open (${socket.protocol})`;
    show('info', `${protocol} open, negotiated protocol: ${socket.protocol}`);
  };
  socket.onmessage = (event) => show('received', `${protocol} ← ${event.data}`, statusOf(event.data));
  socket.onerror = () => show('error', `${protocol} error (is the server running?)`);
  socket.onclose = (event) => {
    state.textContent = `closed (${event.code})`;
    show(event.wasClean ? 'info' : 'error', `${protocol} closed: ${event.code} ${event.reason}`.trim());
  };
  return socket;
}

function send(socket, text) {
  if (socket.readyState !== WebSocket.OPEN) {
    show('error', `not sent, ${socket.protocol || 'the socket'} is not open: ${text}`);
    return;
  }
  socket.send(text);
  show('sent', `${socket.protocol} → ${text}`);
}

const api = open('echo-protocol', 'api-state');
const updates = open('update-protocol', 'updates-state');

for (const button of document.querySelectorAll('button[data-send]')) {
  button.addEventListener('click', () => send(api, button.dataset.send));
}

document.querySelector('#profile-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const action = event.submitter.value;
  if (action === 'GET' || action === 'DELETE') {
    send(api, JSON.stringify({ route: '/user/profile', action }));
    return;
  }
  try {
    const body = JSON.parse(document.querySelector('#profile-body').value);
    send(api, JSON.stringify({ route: '/user/profile', action, body }));
  } catch (problem) {
    show('error', `the profile fields are not JSON: ${problem.message}`);
  }
});

document.querySelector('#update-form').addEventListener('submit', (event) => {
  event.preventDefault();
  send(updates, document.querySelector('#update-text').value);
});
