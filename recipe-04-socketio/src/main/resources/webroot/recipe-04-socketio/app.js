// Recipe 04: the chapter's page (listing 8-10 and the Socket.IO chapter), one log per namespace.
const EVENTS = ['message', 'custom-event', 'news', 'big_news', 'custom-event-2', 'custom-event-3', 'hello-server',
  'user message', 'users message'];
const NAMESPACES = { '/': 'log-default', '/custom-namespace': 'log-custom', '/users': 'log-users' };

const page = new URL(location.href);
const address = await (await fetch('/socket-io.json')).json();
const server = `${page.protocol}//${page.hostname}:${address.port}`;
document.querySelector('#server').textContent = server + address.path;
document.querySelector('#token').value = page.searchParams.get('token') ?? '';
let sockets = [];

/** One line in a namespace's log; peer text is always set as text, never as HTML. */
function show(list, direction, text) {
  const line = document.createElement('li');
  line.className = direction;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(text));
  list.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

// Event arguments as the log shows them: `: a b`, or nothing when there are none (custom-event-2).
function describe(args) {
  return args.length === 0 ? '' : ': ' + args.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
}

// Emits with an acknowledgement, so the log also shows what the server understood.
function emit(socket, event, ...args) {
  show(socket.log, 'sent', `sent ${event}${describe(args)}`);
  socket.emit(event, ...args, (...reply) => show(socket.log, 'received', `server got ${event}${describe(reply)}`));
}

function watch(connection, namespace) {
  const list = document.getElementById(NAMESPACES[namespace]);
  show(list, 'info', `connecting to ${server}${namespace}`);
  const socket = connection.socket(namespace);
  socket.log = list;
  socket.on('connect', () => {
    show(list, 'info', `connect, id ${socket.id}`);
    emit(socket, 'message', 'Hi, from the page');
    emit(socket, 'custom-event', 'parameter1', 'parameter2');
  });
  // A browser never sees the HTTP status of a refused handshake: say what it may be.
  socket.on('connect_error', (error) => show(list, 'error', `connect_error: ${error.message || error} `
    + '(is the server down, or was the token wrong? The server\'s log says why)'));
  socket.on('disconnect', (reason) => show(list, 'error', `disconnect: ${reason}`));
  for (const event of EVENTS) {
    socket.on(event, (...args) => show(list, 'received', `${event}${describe(args)}`));
  }
  socket.on('news', () => emit(socket, 'my other event', { my: 'data' })); // listing 8-10's answer
  return socket;
}

function connect() {
  sockets.forEach((socket) => socket.close());
  const token = document.querySelector('#token').value.trim();
  // One connection (a Manager), each namespace a socket over it, as io('/') and io('/custom-namespace') share one.
  // WebSocket from the start: this 2.x browser client and netty-socketio lose events over polling.
  const connection = new io.Manager(server, { path: address.path, transports: ['websocket'], query: token ? { token } : {} });
  sockets = Object.keys(NAMESPACES).map((namespace) => watch(connection, namespace));
  const root = sockets[0];
  root.on('connect', () => enableActions(true));
  root.on('disconnect', () => enableActions(false));
  root.on('connect_error', () => enableActions(false));
}

// The buttons act on `/` while it is connected; after a disconnect, Connect opens a new connection.
function enableActions(enabled) {
  document.querySelectorAll('#actions button').forEach((button) => { button.disabled = !enabled; });
  document.querySelector('#connect').textContent = enabled ? 'Reconnect' : 'Connect';
}

const root = () => sockets[0];
document.querySelector('#hello').addEventListener('click', () => emit(root(), 'hello-message', 'hello from the page'));
document.querySelector('#leave').addEventListener('click', () => emit(root(), 'leave-room', 'my-custom-room'));
document.querySelector('#join').addEventListener('click', () => emit(root(), 'join-room', 'my-custom-room'));
document.querySelector('#bye').addEventListener('click', () => emit(root(), 'bye'));
document.querySelector('#connection').addEventListener('submit', (event) => { event.preventDefault(); connect(); });
connect();
