// Recipe 05: every member of the browser's WebSocket, live, against a server that echoes.
// Everything the server sends back is shown with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const log = $('log');
const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']; // WebSocket.CONNECTING === 0, …
const LARGE_SEND = 8 * 1024 * 1024;

let ws = null;
let shownState = null;
let nextJsonId = 1;
let sentPicture = null;              // the size of the last canvas sent, to recognise its echo
let sampling = null;                 // bufferedAmount samples of the large send in progress
let replies = Promise.resolve();     // binary replies are hashed one after another, in order

/** One line in the page's log; peer text is always set as text, never as HTML. */
function show(direction, text) {
  const line = document.createElement('li');
  line.className = direction;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  line.append(time, document.createTextNode(text));
  log.append(line);
  log.scrollTop = log.scrollHeight;
}

/** At most 200 characters of a peer's text in one log line. */
function clip(text) {
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;
}

/** ws://HOST:PORT/ (wss:// under https) from wherever this page was loaded. */
function socketUrl() {
  const url = new URL(location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

// ---- the socket: constructor, the four handlers, and a second message handler ----

function connect() {
  const socket = new WebSocket(socketUrl(), 'echo-protocol');
  ws = socket;
  socket.binaryType = chosenBinaryType();
  shownState = null;
  $('states').textContent = '';
  $('gone').hidden = true;
  $('connect').disabled = true;
  show('sent', `new WebSocket('${socket.url}', 'echo-protocol')`);
  readState();
  showMembers();

  socket.onopen = () => {
    readState();
    showMembers();
    show('info', `onopen: protocol '${socket.protocol}', extensions '${socket.extensions}'`);
  };
  socket.onmessage = onMessage;
  socket.addEventListener('message', (event) => {
    show('info', `addEventListener('message'): this listener got the same ${kindOf(event.data)}`);
  });
  socket.onerror = () => {
    readState();
    show('error', 'onerror: an error event (it never says why; the close event follows)');
  };
  socket.onclose = (event) => onClose(socket, event);
}

function onClose(socket, event) {
  readState();
  $('closed-code').textContent = event.code;
  $('closed-reason').textContent = event.reason;
  $('closed-clean').textContent = event.wasClean;
  show(event.wasClean ? 'info' : 'error',
    `onclose: code ${event.code}, reason '${clip(event.reason)}', wasClean ${event.wasClean}`);
  if (sampling) {
    $('buffered-status').textContent = `closed with ${socket.bufferedAmount} bytes never sent`;
    sampling = null;
  }
  if (!event.wasClean) {
    $('gone').hidden = false;
  }
  $('connect').disabled = false;
  $('connect').textContent = 'Connect again';
}

/** readyState, shown as the lamp, its number and constant, and appended to this socket's history. */
function readState() {
  const state = ws ? ws.readyState : WebSocket.CLOSED;
  if (state === shownState) {
    return;
  }
  shownState = state;
  const name = STATE_NAMES[state];
  $('state').textContent = name;
  $('state').dataset.state = state;
  $('state-name').textContent = `${state} · WebSocket.${name}`;
  const states = $('states');
  states.textContent += (states.textContent ? ' → ' : '') + name;
}

function showMembers() {
  $('url').textContent = ws.url;
  $('protocol').textContent = ws.protocol || '(none yet)';
  $('extensions').textContent = ws.extensions || '(none)';
  $('binary-type').textContent = ws.binaryType;
}

// ---- what comes back ----

function kindOf(data) {
  if (typeof data === 'string') {
    return 'string';
  }
  return data instanceof Blob ? 'Blob' : 'ArrayBuffer';
}

function onMessage(event) {
  if (typeof event.data === 'string') {
    showText(event.data);
    return;
  }
  const type = kindOf(event.data);
  const bytes = type === 'Blob' ? event.data.size : event.data.byteLength;
  show('received', `onmessage: ${type === 'Blob' ? 'a' : 'an'} ${type} of ${bytes} bytes`);
  replies = replies.then(() => describeBinary(event.data, type, bytes))
    .catch((e) => show('error', `could not read the reply: ${e}`));
}

function showText(text) {
  let json = null;
  try {
    json = JSON.parse(text);
  } catch (notJson) {
    // plain text
  }
  if (json && typeof json === 'object' && 'id' in json) {
    show('received', `onmessage: JSON {type: '${clip(String(json.type))}', text: '${clip(String(json.text))}', `
      + `id: ${clip(String(json.id))}, date: ${clip(String(json.date))}}, back after ${Date.now() - Number(json.date)} ms`);
  } else {
    show('received', `onmessage: text '${clip(text)}'`);
  }
}

async function describeBinary(data, type, bytes) {
  const buffer = type === 'Blob' ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  $('reply-type').textContent = type;
  $('reply-bytes').textContent = bytes;
  $('reply-sha256').textContent = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (sentPicture && bytes === sentPicture.width * sentPicture.height * 4) {
    const pixels = new ImageData(new Uint8ClampedArray(buffer), sentPicture.width, sentPicture.height);
    $('echo').getContext('2d').putImageData(pixels, 0, 0);
  }
}

function chosenBinaryType() {
  return document.querySelector('input[name="binary-type"]:checked').value;
}

function switchBinaryType() {
  const type = chosenBinaryType();
  if (ws) {
    ws.binaryType = type;
    showMembers();
  }
  show('info', `binaryType = '${type}': binary messages now arrive as ${type === 'blob' ? 'a Blob' : 'an ArrayBuffer'}`);
}

// ---- sends ----

/** send() throws while CONNECTING and silently drops data once CLOSING: check first. */
function canSend() {
  if (ws && ws.readyState === WebSocket.OPEN) {
    return true;
  }
  show('error', `not sent: readyState is ${STATE_NAMES[ws ? ws.readyState : 3]}, send() needs OPEN`);
  return false;
}

function sendText(event) {
  event.preventDefault();
  const text = $('text').value;
  if (canSend()) {
    ws.send(text);
    show('sent', `send('${clip(text)}')`);
  }
}

function sendJson() {
  const message = { type: 'message', text: $('text').value, id: nextJsonId++, date: Date.now() };
  if (canSend()) {
    ws.send(JSON.stringify(message));
    show('sent', `send(JSON.stringify(${clip(JSON.stringify(message))}))`);
  }
}

function sendFile() {
  const file = $('file').files[0];
  if (!file) {
    show('error', 'choose a file first');
  } else if (canSend()) {
    ws.send(file);
    show('sent', `send(Blob): ${clip(file.name)}, ${file.size} bytes`);
  }
}

function sendCanvas() {
  const canvas = $('source');
  const image = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, canvas.width, canvas.height);
  if (canSend()) {
    ws.send(image.data.buffer);
    sentPicture = { width: image.width, height: image.height };
    show('sent', `send(ArrayBuffer of ${image.data.byteLength} bytes): ImageData of ${image.width} × ${image.height} pixels`);
  }
}

function sendLarge() {
  if (!canSend()) {
    return;
  }
  ws.send(new Uint8Array(LARGE_SEND).fill(5).buffer);
  show('sent', `send(ArrayBuffer of ${LARGE_SEND} bytes)`);
  sampling = { samples: [], peak: 0, started: performance.now() };
  $('buffered-status').textContent = 'draining…';
  sample(ws.bufferedAmount); // right after send() the whole message counts as buffered
}

// ---- bufferedAmount, every animation frame ----

function sample(buffered) {
  sampling.samples.push(buffered);
  sampling.peak = Math.max(sampling.peak, buffered);
  $('buffered-peak').textContent = sampling.peak;
  drawGraph(sampling.samples, sampling.peak);
  if (buffered === 0) {
    const ms = Math.round(performance.now() - sampling.started);
    $('buffered-status').textContent = `drained: back to 0 after ${sampling.samples.length - 1} frames (${ms} ms)`;
    show('info', `bufferedAmount peaked at ${sampling.peak} bytes and is back to 0 after ${ms} ms`);
    sampling = null;
  }
}

function drawGraph(samples, peak) {
  const canvas = $('buffered-graph');
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const step = (width - 4) / Math.max(samples.length - 1, 1);
  ctx.beginPath();
  samples.forEach((value, i) => {
    const x = 2 + i * step;
    const y = height - 2 - (value / Math.max(peak, 1)) * (height - 16);
    if (i === 0) {
      ctx.moveTo(x, y);
    } else {
      ctx.lineTo(x, y);
    }
  });
  ctx.strokeStyle = '#1e88e5';
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.fillStyle = '#757575';
  ctx.font = '12px sans-serif';
  ctx.fillText(`${peak} bytes`, 4, 12);
}

function everyFrame() {
  readState();
  $('buffered-amount').textContent = ws ? ws.bufferedAmount : 0;
  if (sampling) {
    sample(ws.bufferedAmount);
  }
  requestAnimationFrame(everyFrame);
}

// ---- the picture to send ----

function drawPicture() {
  const canvas = $('source');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const hue = Math.floor(Math.random() * 360);
  const gradient = ctx.createLinearGradient(0, 0, canvas.width, canvas.height);
  gradient.addColorStop(0, `hsl(${hue} 70% 45%)`);
  gradient.addColorStop(1, `hsl(${(hue + 120) % 360} 70% 55%)`);
  ctx.fillStyle = gradient; // opaque everywhere, so the pixels read back exactly as drawn
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 48px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('05', canvas.width / 2, canvas.height / 2 + 16);
}

function letUserDraw() {
  const canvas = $('source');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let last = null;
  const at = (event) => {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height];
  };
  canvas.style.touchAction = 'none';
  canvas.addEventListener('pointerdown', (event) => { last = at(event); canvas.setPointerCapture(event.pointerId); });
  canvas.addEventListener('pointermove', (event) => {
    if (!last) {
      return;
    }
    const next = at(event);
    ctx.strokeStyle = '#212121';
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...next);
    ctx.stroke();
    last = next;
  });
  canvas.addEventListener('pointerup', () => { last = null; });
}

// ---- wiring ----

$('connect').addEventListener('click', connect);
$('reconnect').addEventListener('click', connect);
document.querySelectorAll('input[name="binary-type"]').forEach((radio) => radio.addEventListener('change', switchBinaryType));
$('text-form').addEventListener('submit', sendText);
$('send-json').addEventListener('click', sendJson);
$('send-file').addEventListener('click', sendFile);
$('send-canvas').addEventListener('click', sendCanvas);
$('scribble').addEventListener('click', drawPicture);
$('send-large').addEventListener('click', sendLarge);
$('close-form').addEventListener('submit', (event) => {
  event.preventDefault();
  closeWith(Number($('close-code').value), $('close-reason').value);
});

/** ws.close(code, reason): the browser itself refuses other codes and reasons over 123 bytes. */
function closeWith(code, reason) {
  if (!ws) {
    return;
  }
  if (code !== 1000 && (code < 4000 || code > 4999)) {
    show('error', `not closed: ${code} is not 1000 or 4000–4999`);
    return;
  }
  try {
    ws.close(code, reason);
    show('sent', `close(${code}, '${reason}')`);
    readState(); // CLOSING at once, before the server has answered
  } catch (e) {
    show('error', `close(${code}, …) threw ${e.name}: ${e.message}`);
  }
}

drawPicture();
letUserDraw();
connect();
requestAnimationFrame(everyFrame);
