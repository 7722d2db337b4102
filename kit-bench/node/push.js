// Listing 8-12 corrected the same way as recipe 06: ONE timer pushing a status to every client.
const http = require('http');
const WebSocketServer = require('websocket').server;

const interval = Number(process.argv[2] || 1000);
const started = Date.now();
const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const ws = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
const clients = new Set();
let seq = 0;
ws.on('request', (request) => {
  const connection = request.accept('echo-protocol', request.origin);
  clients.add(connection);
  connection.on('close', () => clients.delete(connection));
});
setInterval(() => {
  const status = JSON.stringify({
    seq: seq++, time: new Date().toISOString(), uptimeMs: Date.now() - started, clients: clients.size,
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576), t: process.hrtime.bigint().toString(),
  });
  for (const client of clients) { client.sendUTF(status); client.sendUTF('ping'); }
}, interval);
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${server.address().port}/`));
