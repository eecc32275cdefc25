// Profiling aid, not part of the product: preload with `node -r ./scripts/nats-request-counts.cjs
// packages/cli/bin/samenhang.js bench …`. The services inherit the flag; every process writes,
// every 2 s and at exit, how many NATS requests and publishes it made per kind of subject to
// $COUNTS_DIR (default /tmp/samenhang-counts)/<pid>.json. docs/history/performance-rounds.md used it.
const fs = require('node:fs');
const path = require('node:path');
const nats = require(path.join(__dirname, '..', 'node_modules', 'nats', 'lib', 'nats-base-client', 'nats.js'));

const dir = process.env.COUNTS_DIR ?? '/tmp/samenhang-counts';
const counts = {};
/**
 * A subject reduced to its kind: the bucket or stream, never a key (keys are pseudonyms);
 * a key's first segment when it is a word the code chose (`person.`, `signal.`).
 */
const kind = (s) =>
  s
    .replace(/^\$JS\.API\.DIRECT\.GET\.([^.]+)\.\$KV\.[^.]+\.([a-z]+)\..*/, 'kv-get $1 $2')
    .replace(/^\$JS\.API\.DIRECT\.GET\.([^.]+).*/, 'kv-get $1')
    .replace(/^\$KV\.([^.]+)\.([a-z]+)\..*/, 'kv-put $1 $2')
    .replace(/^\$KV\.([^.]+)\..*/, 'kv-put $1')
    .replace(/^\$JS\.API\.([A-Z]+)\.([A-Z]+).*/, 'api $1.$2')
    .replace(/^\$JS\.ACK\..*/, 'ack')
    .replace(/^samenhang\.([a-z]+)\..*/, 'publish $1');
const proto = nats.NatsConnectionImpl.prototype;
const request = proto.request;
proto.request = function (subject, ...rest) {
  const k = kind(subject);
  counts[k] = (counts[k] ?? 0) + 1;
  return request.call(this, subject, ...rest);
};
const dump = () => {
  try {
    fs.writeFileSync(
      path.join(dir, `${process.pid}.json`),
      JSON.stringify({ process: process.argv[1], requests: counts }),
    );
  } catch {
    /* a profiling aid never fails its host */
  }
};
fs.mkdirSync(dir, { recursive: true });
setInterval(dump, 2000).unref();
process.on('exit', dump);
