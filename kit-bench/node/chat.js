// Listings 8-13/8-14's chat on Socket.IO 4: `joined` answered with the members, `message` relayed
// to the others, no per-message logging. With a redis:// URL as argument the broadcasts span every
// node through the Socket.IO Redis adapter (the Node way to run two chat nodes).
const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();
const io = new Server(server, { cors: { origin: '*' } });
const members = [];
if (process.argv[2]) {
  const { createAdapter } = require('@socket.io/redis-adapter');
  const { Redis } = require('ioredis');
  const pub = new Redis(process.argv[2]);
  io.adapter(createAdapter(pub, pub.duplicate()));
}
io.on('connection', (socket) => {
  socket.on('joined', (data) => {
    socket.data.name = (data && data.name) || 'anon';
    members.push(socket.data.name);
    socket.emit('members', { members, online: members.length, you: socket.data.name });
    socket.broadcast.emit('joined', { name: socket.data.name, online: members.length });
  });
  socket.on('message', (data) => socket.broadcast.emit('message', { name: socket.data.name, message: data && data.message, time: Date.now() }));
  socket.on('disconnect', () => {
    const at = members.indexOf(socket.data.name);
    if (at >= 0) members.splice(at, 1);
    socket.broadcast.emit('disconnected', { name: socket.data.name, online: members.length });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
