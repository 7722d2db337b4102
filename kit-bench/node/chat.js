// Listings 8-13/8-14's chat on Socket.IO 4: `message` relayed to the others, no logging.
const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();
const io = new Server(server, { cors: { origin: '*' } });
io.on('connection', (socket) => {
  socket.on('joined', (data) => { socket.data.name = (data && data.name) || 'anon'; socket.broadcast.emit('joined', { name: socket.data.name }); });
  socket.on('message', (data) => socket.broadcast.emit('message', { name: socket.data.name, message: data && data.message }));
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
