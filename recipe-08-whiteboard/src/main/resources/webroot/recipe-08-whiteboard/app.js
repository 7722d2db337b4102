// Recipe 08: a whiteboard the whole class draws on. The wire format is the listing's own, so
// the listing's page can draw with this one; the pen state is kept per peer, not shared.
const WIDTH = 800; // wire coordinates: the listing's 800×600 canvas, whatever the screen size
const HEIGHT = 600;
const MAX_HISTORY = 10000;

const canvas = document.querySelector('#board');
const context = canvas.getContext('2d');
const log = document.querySelector('#log');
const history = []; // [pen, event] for every event drawn here, to redraw after a resize
const pens = new Map(); // pen → its last point: one per peer, so two people never share a line
const incoming = []; // remote events waiting for the next animation frame
let socket;
let socketid = null;
let colour = '#212121';
let lineWidth = 4;
let pendingMove = null; // a fast mouse sends one move per frame, not one per pointer event
let frameRequested = false;
canvas.dataset.remoteEvents = '0'; // counts for the page tests: drawn from peers, sent by us
canvas.dataset.sentEvents = '0';

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

function connect() {
  socket = new WebSocket(socketUrl(), 'draw-protocol');
  setText('#state', 'CONNECTING');
  socket.onopen = () => { setText('#state', 'OPEN'); show('info', `open: ${socket.url} ${socket.protocol}`); };
  socket.onmessage = (message) => receive(message.data);
  socket.onerror = () => show('error', 'error');
  socket.onclose = (event) => {
    setText('#state', 'CLOSED');
    show('info', `close: ${event.code} ${event.reason} wasClean=${event.wasClean}`);
  };
}

function setText(selector, text) {
  document.querySelector(selector).textContent = text;
}

function receive(data) {
  if (data.startsWith('socketid_')) { // the listing's greeting: who we are on the board
    socketid = data.slice('socketid_'.length);
    setText('#me', data);
    show('received', data);
    return;
  }
  const event = JSON.parse(data);
  if (event.type === 'people') {
    setText('#people', String(event.count));
  } else if (event.type === 'error') {
    show('error', `refused: ${event.error}`);
  } else {
    incoming.push(event);
    canvas.dataset.remoteEvents = String(Number(canvas.dataset.remoteEvents) + 1);
    if (event.type === 'clear') {
      show('received', `board cleared by socketid_${event.socketid}`);
    }
    requestFrame();
  }
}

function requestFrame() {
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(frame);
  }
}

/** Once per frame: our own pending move goes out, and every remote event that came is drawn. */
function frame() {
  frameRequested = false;
  flushMove();
  for (const event of incoming.splice(0)) {
    draw(`peer ${event.socketid}`, event);
  }
}

function draw(pen, event) {
  if (event.type === 'clear') {
    history.length = 0;
    pens.clear();
    context.clearRect(0, 0, WIDTH, HEIGHT);
    return;
  }
  history.push([pen, event]);
  if (history.length > MAX_HISTORY) {
    history.shift();
  }
  stroke(pen, event);
}

/** The listing's drawing, with each peer's own last point instead of one shared path. */
function stroke(pen, event) {
  const point = pointOf(event);
  const last = pens.get(pen);
  if (event.type === 'mousedown' || event.type === 'touchstart') {
    segment(point, point, event);
    pens.set(pen, point);
  } else if (event.type === 'mousemove' || event.type === 'touchmove') {
    if (last && point) {
      segment(last, point, event);
      pens.set(pen, point);
    }
  } else {
    pens.delete(pen);
  }
}

function pointOf(event) {
  const touch = event.targetTouches ? event.targetTouches[0] : event;
  return touch && Number.isFinite(touch.pageX) ? { x: touch.pageX, y: touch.pageY } : null;
}

function segment(from, to, event) {
  if (!from || !to) {
    return;
  }
  context.strokeStyle = event.strokeStyle;
  context.lineWidth = event.lineWidth;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  context.moveTo(from.x, from.y);
  context.lineTo(to.x + (from === to ? 0.01 : 0), to.y); // a zero-length round line is a dot
  context.stroke();
}

/** The bitmap follows the canvas's size on screen; the drawing is redrawn from the history. */
function resize() {
  const box = canvas.getBoundingClientRect();
  const width = Math.round(box.width * devicePixelRatio);
  const height = Math.round(box.height * devicePixelRatio);
  if (width === 0 || (width === canvas.width && height === canvas.height)) {
    return;
  }
  canvas.width = width;
  canvas.height = height;
  context.setTransform(width / WIDTH, 0, 0, height / HEIGHT, 0, 0);
  pens.clear();
  history.forEach(([pen, event]) => stroke(pen, event));
}

// ---- our own pen: pointer events (mouse, pen, touch) in the listing's event names ----

function ownEvent(pointer, phase) {
  const box = canvas.getBoundingClientRect();
  const x = Math.round(((pointer.clientX - box.left) * WIDTH / box.width) * 10) / 10;
  const y = Math.round(((pointer.clientY - box.top) * HEIGHT / box.height) * 10) / 10;
  const touch = pointer.pointerType === 'touch';
  const type = touch ? { down: 'touchstart', move: 'touchmove', up: 'touchend' }[phase]
    : { down: 'mousedown', move: 'mousemove', up: 'mouseup' }[phase];
  const event = { type, socketid, strokeStyle: colour, lineWidth };
  if (touch) {
    event.targetTouches = phase === 'up' ? [] : [{ pageX: x, pageY: y }];
  } else {
    event.pageX = x;
    event.pageY = y;
  }
  return event;
}

function emit(event) {
  draw('me', event);
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(event));
    canvas.dataset.sentEvents = String(Number(canvas.dataset.sentEvents) + 1);
  }
}

function flushMove() {
  if (pendingMove) {
    emit(pendingMove);
    pendingMove = null;
  }
}

canvas.addEventListener('pointerdown', (pointer) => {
  if (!pointer.isPrimary) {
    return;
  }
  canvas.setPointerCapture(pointer.pointerId);
  emit(ownEvent(pointer, 'down'));
});
canvas.addEventListener('pointermove', (pointer) => {
  if (pointer.isPrimary && pens.has('me')) {
    pendingMove = ownEvent(pointer, 'move');
    requestFrame();
  }
});
for (const end of ['pointerup', 'pointercancel']) {
  canvas.addEventListener(end, (pointer) => {
    if (pointer.isPrimary && pens.has('me')) {
      flushMove();
      emit(ownEvent(pointer, 'up'));
    }
  });
}

// ---- the tools ----

for (const swatch of document.querySelectorAll('#palette button')) {
  swatch.style.background = swatch.dataset.colour;
  swatch.addEventListener('click', () => {
    document.querySelectorAll('#palette button').forEach((b) => b.setAttribute('aria-checked', String(b === swatch)));
    colour = swatch.dataset.colour;
  });
}
document.querySelector('#size').addEventListener('input', (input) => {
  lineWidth = Number(input.target.value);
  setText('#size-value', String(lineWidth));
});
document.querySelector('#clear').addEventListener('click', () => {
  emit({ type: 'clear', socketid });
  show('sent', 'clear');
});

new ResizeObserver(resize).observe(canvas);
resize();
connect();
