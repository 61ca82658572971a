// A small round-robin HTTP proxy in front of several app processes (bench/http.bench.ts --instances):
// what a balancer does, kept in Node so the bench needs nothing installed.
// Usage: node bench/http-proxy.mjs <port> <target port> [<target port> …]
import http from 'node:http';

const [port, ...targets] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let next = 0;
http
  .createServer((req, res) => {
    const target = targets[next++ % targets.length];
    const up = http.request({ agent, host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  })
  .listen(port, '127.0.0.1', () => console.log('ready'));
