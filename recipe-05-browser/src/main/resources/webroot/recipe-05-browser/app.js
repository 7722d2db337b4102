// Recipe 05: the browser's WebSocket API, live.
const log = document.querySelector('#log');

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

function socketUrl() {
  const url = new URL(location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

document.querySelector('#connect').addEventListener('click', () => {
  const ws = new WebSocket(socketUrl(), 'echo-protocol');
  ws.onopen = () => { show('info', `open: ${ws.url} ${ws.protocol}`); ws.send('hello'); };
  ws.onmessage = (event) => show('received', `message: ${event.data}`);
  ws.onerror = () => show('error', 'error');
  ws.onclose = (event) => show('info', `close: ${event.code} ${event.reason} wasClean=${event.wasClean}`);
});
