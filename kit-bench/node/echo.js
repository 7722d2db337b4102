// Listing 8-1's shape on WebSocket-Node: accept echo-protocol, echo every message back.
const http = require('http');
const WebSocketServer = require('websocket').server;

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const ws = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
ws.on('request', (request) => {
  const connection = request.accept('echo-protocol', request.origin);
  connection.on('message', (message) => {
    if (message.type === 'utf8') connection.sendUTF(message.utf8Data);
    else connection.sendBytes(message.binaryData);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
