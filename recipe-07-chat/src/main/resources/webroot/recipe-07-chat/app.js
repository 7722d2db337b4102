// Recipe 07: the chat page. Every name and message from a peer is set as text, never as HTML.
const $ = (id) => document.getElementById(id);
const address = await (await fetch('/socket-io.json')).json();
const page = new URL(location.href);
// No port: a proxy in front (docs/scale-out.md) serves Socket.IO on this page's own origin.
const server = address.port ? `${page.protocol}//${page.hostname}:${address.port}` : page.origin;

let socket = null;
let me = null;        // the name the server holds for us (maybe with a suffix: "ada (2)")
let key = null;       // lets us take our place back after a reconnect
let lastSeq = 0;      // the last message we have, so a rejoin replays only what we missed
let typing = false;
let typingTimer = null;
const members = new Set();
const typists = new Set();

/** One line in the log: its time, a name in bold when there is one, then the text. */
function show(kind, text, name = null, time = Date.now()) {
  const line = document.createElement('li');
  line.className = kind;
  const stamp = document.createElement('time');
  stamp.textContent = new Date(time).toLocaleTimeString();
  line.append(stamp);
  if (name !== null) {
    const who = document.createElement('strong');
    who.textContent = `${name}: `;
    line.append(who);
  }
  line.append(document.createTextNode(text));
  $('log').append(line);
  line.scrollIntoView({ block: 'nearest' });
}

function showMembers(online) {
  $('online').textContent = `${online ?? members.size} online`;
  $('members').textContent = [...members].join(', ');
}

function showTypists() {
  const names = [...typists];
  $('typing').firstElementChild.textContent = names.length === 0 ? '\u00a0'
    : `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} typing…`;
}

function received(line) {
  lastSeq = Math.max(lastSeq, line.seq);
  typists.delete(line.name);
  showTypists();
  show('received', line.message, line.name, line.time);
}

function join(name) {
  socket = io(server, { path: address.path, transports: ['websocket'] });
  // On every connect, the first and each reconnect: the key takes our place back, no second member.
  socket.on('connect', () => socket.emit('joined', { name, key, after: lastSeq }));
  socket.on('members', (data) => {
    me = data.you;
    key = data.key;
    members.clear();
    data.members.forEach((member) => members.add(member));
    showMembers(data.online);
    show('info', `you are ${me}`);
    $('room').hidden = false;
    $('join').hidden = true;
    $('message').focus();
  });
  socket.on('history', (lines) => lines.forEach(received));
  socket.on('message', received);
  socket.on('joined', (data) => { members.add(data.name); showMembers(data.online); show('info', `${data.name} joined`); });
  socket.on('disconnected', (data) => {
    members.delete(data.name);
    typists.delete(data.name);
    showMembers(data.online);
    showTypists();
    show('info', `${data.name} left`);
  });
  socket.on('typing', (data) => { typists.add(data.name); showTypists(); });
  socket.on('stop typing', (data) => { typists.delete(data.name); showTypists(); });
  // The server's refusals ({rule, message}) and the client library's own errors share this event.
  socket.on('error', (error) => show('error', error && error.rule ? `${error.rule}: ${error.message}` : String(error)));
  socket.on('connect_error', () => show('error', `cannot reach ${server}${address.path}; retrying`));
  socket.on('disconnect', (reason) => show('info', `disconnected: ${reason}`));
}

function stopTyping() {
  clearTimeout(typingTimer);
  if (typing) {
    typing = false;
    socket.emit('stop typing');
  }
}

$('join').addEventListener('submit', (event) => {
  event.preventDefault();
  join($('name').value);
});

$('message').addEventListener('input', () => {
  if (!typing) {
    typing = true;
    socket.emit('typing');
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, 2000);
});

$('send').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('message').value;
  if (text.trim() === '') {
    return;
  }
  stopTyping();
  // The sender shows its own line at once: the server relays it to the others only.
  show('sent', text, me);
  socket.emit('message', { message: text }, (reply) => {
    if (reply && reply.seq) {
      lastSeq = Math.max(lastSeq, reply.seq);
    }
  });
  $('message').value = '';
});
