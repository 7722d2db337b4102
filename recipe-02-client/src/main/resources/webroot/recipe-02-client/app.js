// Listing 8-3 in today's browser API: open a WebSocket with a subprotocol, show every event,
// and answer the server's greeting with {"status":"ok"} exactly once.

const form = document.getElementById('connect');
const urlField = document.getElementById('url');
const protocolField = document.getElementById('protocol');
const closeButton = document.getElementById('close');
const log = document.getElementById('log');

let socket = null;

// Recipe 01 runs on port 8081 of the host that served this page; ?url=…&protocol=… override it.
function defaults() {
  const page = new URL(location);
  const server = new URL(page);
  server.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  server.port = '8081';
  server.pathname = '/';
  server.search = '';
  return {
    url: page.searchParams.get('url') ?? server.href,
    protocol: page.searchParams.get('protocol') ?? 'echo-protocol',
  };
}

// One line in the page's log, coloured by direction (sent, received, error, info); a JSON reply
// with a status also by that status. Every string from the peer goes in as text, never as HTML.
function show(kind, text) {
  const line = document.createElement('li');
  line.className = { open: 'info', close: 'info', message: 'received' }[kind] ?? kind;
  const status = kind === 'message' ? statusOf(text) : null;
  if (status) line.classList.add(`status-${status}`);
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(`${kind}: ${text}`));
  log.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

// The status class of a JSON reply: {"status":"ok"} or 2xx → 2xx, 4xx → 4xx, 5xx → 5xx.
function statusOf(text) {
  try {
    const status = String(JSON.parse(text)?.status ?? '');
    return status === 'ok' ? '2xx' : /^[245]\d\d$/.test(status) ? `${status[0]}xx` : null;
  } catch {
    return null; // not JSON: no status
  }
}

function connect(url, protocol) {
  let opened = false;
  let answered = false;
  let ws;
  try {
    ws = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
  } catch (invalid) {
    show('error', invalid.message); // e.g. a URL that is not ws:// or wss://
    return null;
  }
  ws.binaryType = 'arraybuffer';

  ws.addEventListener('open', () => {
    opened = true;
    show('open', `${ws.url} with protocol '${ws.protocol}'`);
    closeButton.disabled = false;
  });
  ws.addEventListener('message', (event) => {
    const text = typeof event.data === 'string' ? event.data : `${event.data.byteLength} bytes`;
    show('message', text);
    // The original replied to every message; against an echo server that reply comes back as
    // a message, which is replied to, and so on forever. One answer is what was meant.
    if (!answered) {
      answered = true;
      const reply = JSON.stringify({ status: 'ok' });
      ws.send(reply);
      show('sent', reply);
    }
  });
  ws.addEventListener('error', () => {
    // The browser tells scripts nothing more, on purpose (a page must not learn why another
    // server refused it), so say what usually went wrong; the server's own log says which.
    show('error', opened
      ? `the connection to ${url} broke`
      : `the connection to ${url} failed: is the server running, and does it accept this page's `
        + `origin ${location.origin} and protocol '${protocol}'? Its log says why it refused.`);
  });
  ws.addEventListener('close', (event) => {
    show('close', `${event.code} ${event.reason}`.trim() + (event.wasClean ? '' : ' (not clean)'));
    // A socket replaced by Connect closes after its successor may have opened: leave that one be.
    if (socket === ws) {
      socket = null;
      closeButton.disabled = true;
    }
  });
  return ws;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  socket?.close(1000, 'reconnecting');
  socket = connect(urlField.value, protocolField.value.trim());
});

closeButton.addEventListener('click', () => socket?.close(1000, 'bye from the page'));

const { url, protocol } = defaults();
urlField.value = url;
protocolField.value = protocol;
// Like the original, connect as soon as the page loads.
socket = connect(url, protocol);
