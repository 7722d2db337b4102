// Listing 8-15's whiteboard relay on WebSocket-Node: every draw event to every other client.
const http = require('http');
const WebSocketServer = require('websocket').server;

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const ws = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
const clients = [];
let next = 0;
ws.on('request', (request) => {
  const connection = request.accept('draw-protocol', request.origin);
  const id = `socketid_${next++}`;
  clients.push(connection);
  connection.sendUTF(id);
  connection.on('message', (message) => {
    if (message.type !== 'utf8') return;
    for (const client of clients) if (client !== connection && client.connected) client.sendUTF(message.utf8Data);
  });
  connection.on('close', () => clients.splice(clients.indexOf(connection), 1));
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
