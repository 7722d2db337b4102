// Listing 8-8: one page, two sockets to the same server, told apart only by the subprotocol
// each asks for. The server's mount table picks the endpoint for each.

const log = document.getElementById('log');

/** Appends one line to the on-page log; peer text always goes in as text, never as HTML. */
function show(kind, text) {
  const line = document.createElement('li');
  line.className = kind;
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.append(line);
  log.scrollTop = log.scrollHeight;
}

/** ws://host:port/ from wherever this page was loaded, so it works on any host and port. */
function socketUrl() {
  const url = new URL(location);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url;
}

function open(protocol, kind, stateElement) {
  const socket = new WebSocket(socketUrl(), protocol);
  const state = document.getElementById(stateElement);
  socket.onopen = () => {
    state.textContent = `open (${socket.protocol})`;
    show(kind, `${protocol} open, negotiated protocol: ${socket.protocol}`);
  };
  socket.onmessage = (event) => show(kind, `${protocol} ← ${event.data}`);
  socket.onerror = () => show('error', `${protocol} error (is the server running?)`);
  socket.onclose = (event) => {
    state.textContent = `closed (${event.code})`;
    // A clean close (the server stopping says 1001) is news, not an error; 1006 and the like are.
    show(event.wasClean ? kind : 'error', `${protocol} closed: ${event.code} ${event.reason}`.trim());
  };
  return socket;
}

function send(socket, text) {
  if (socket.readyState !== WebSocket.OPEN) {
    show('error', `not sent, ${socket.protocol || 'socket'} is not open: ${text}`);
    return;
  }
  socket.send(text);
  show('sent', `${socket.protocol} → ${text}`);
}

const api = open('echo-protocol', 'api', 'api-state');
const updates = open('update-protocol', 'update', 'updates-state');

for (const button of document.querySelectorAll('button[data-send]')) {
  button.addEventListener('click', () => send(api, button.dataset.send));
}

document.getElementById('profile-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const action = event.submitter.value;
  let body;
  try {
    body = JSON.parse(document.getElementById('profile-body').value);
  } catch (problem) {
    show('error', `the profile fields are not JSON: ${problem.message}`);
    return;
  }
  send(api, JSON.stringify({ route: '/user/profile', action, body }));
});

document.getElementById('update-form').addEventListener('submit', (event) => {
  event.preventDefault();
  send(updates, document.getElementById('update-text').value);
});
