// Profiling aid, not part of the product: preload with `node -r ./scripts/alloc-profile.cjs
// packages/cli/bin/samenhang.js bench …`. The services inherit the flag; every service process
// samples what it allocates — including what the garbage collector has already collected, which
// --heap-prof leaves out — and writes it every 5 s to $ALLOC_DIR (default /tmp/samenhang-alloc)/
// <pid>.heapprofile (Chrome DevTools' format). docs/history/performance-rounds.md used it.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

if (/services\//.test(process.argv[1] ?? '')) {
  const dir = process.env.ALLOC_DIR ?? '/tmp/samenhang-alloc';
  fs.mkdirSync(dir, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const dump = () =>
    session.post('HeapProfiler.getSamplingProfile', (err, r) => {
      if (!err) fs.writeFileSync(path.join(dir, `${process.pid}.heapprofile`), JSON.stringify(r.profile));
    });
  setInterval(dump, 5000).unref();
}
