// The chapter's page (listing 8-10 and the Socket.IO chapter), in the browser: two namespaces of
// one Socket.IO connection, each printing what arrives into its own column.

const EVENTS = ['message', 'custom-event', 'news', 'big_news', 'custom-event-2', 'custom-event-3', 'hello-server'];

const page = new URL(location);
const address = await (await fetch('/socket-io.json')).json();
const server = `${page.protocol}//${page.hostname}:${address.port}`;
const token = page.searchParams.get('token');
document.getElementById('server').textContent = server + address.path;

const options = {
  path: address.path,
  // WebSocket from the start: see the note on the page for why this client skips polling.
  transports: ['websocket'],
  query: token ? { token } : {},
};

const root = watch(server, '/', options, document.getElementById('log-default'));
watch(server, '/custom-namespace', options, document.getElementById('log-custom'));

// The buttons act on `/` while it is connected: a disconnected socket would only buffer the clicks.
root.on('connect', () => enableActions(true));
root.on('disconnect', () => enableActions(false));

document.getElementById('hello').addEventListener('click', () => emit(root, 'hello-message', 'hello from the page'));
document.getElementById('leave').addEventListener('click', () => emit(root, 'leave-room', 'my-custom-room'));
document.getElementById('join').addEventListener('click', () => emit(root, 'join-room', 'my-custom-room'));
document.getElementById('bye').addEventListener('click', () => emit(root, 'bye'));

function watch(server, namespace, options, list) {
  // Say what is happening before anything arrives: an empty column tells a learner nothing.
  show(list, `connecting to ${server}${namespace} (path ${options.path}, WebSocket only)`);
  const socket = io(server + namespace, options);
  socket.log = list;
  socket.on('connect', () => {
    show(list, `connect, id ${socket.id}`);
    // What the chapter's page sent back: a message and a two-argument custom-event.
    emit(socket, 'message', 'Hi, from the page');
    emit(socket, 'custom-event', 'parameter1', 'parameter2');
  });
  // A browser never sees the HTTP status of a refused WebSocket handshake: say what it may be.
  socket.on('connect_error', (error) => show(list, `connect_error: ${error.message || error} `
    + '(is the server down, or did it refuse the handshake? Check ?token= in this URL and the server\'s --origins: its log says which)', 'problem'));
  socket.on('error', (error) => show(list, `error: ${error.message || error}`, 'problem'));
  socket.on('disconnect', (reason) => show(list, `disconnect: ${reason}`, 'problem'));
  for (const event of EVENTS) {
    socket.on(event, (...args) => show(list, `${event}${describe(args)}`));
  }
  // Listing 8-10: answer the news with 'my other event'.
  socket.on('news', () => emit(socket, 'my other event', { my: 'data' }));
  return socket;
}

// Emits with an acknowledgement, so the log also shows what the server understood.
function emit(socket, event, ...args) {
  show(socket.log, `sent ${event}${describe(args)}`, 'sent');
  socket.emit(event, ...args, (...reply) => show(socket.log, `server got ${event}${describe(reply)}`));
}

function enableActions(enabled) {
  for (const button of document.querySelectorAll('#actions button')) {
    button.disabled = !enabled;
  }
}

// Event arguments as the log shows them: `: a b`, or nothing when there are none (bye).
function describe(args) {
  return args.length === 0 ? '' : ': ' + args.map((value) => typeof value === 'string' ? value : JSON.stringify(value)).join(' ');
}

// Every peer-supplied string goes in as text, never as HTML.
function show(list, text, kind) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  if (kind) {
    item.className = kind;
  }
  list.append(item);
  list.scrollTop = list.scrollHeight;
}
