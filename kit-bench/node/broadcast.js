// Listing 8-7's update-protocol on WebSocket-Node: every message goes to every update client.
const http = require('http');
const WebSocketServer = require('websocket').server;

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const ws = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
const clients = new Set();
ws.on('request', (request) => {
  const connection = request.accept('update-protocol', request.origin);
  clients.add(connection);
  connection.on('message', (message) => {
    if (message.type !== 'utf8') return;
    for (const client of clients) client.sendUTF(message.utf8Data);
  });
  connection.on('close', () => clients.delete(connection));
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
