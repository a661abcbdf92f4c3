// A worker thread's first file when running from source (tests, tsx): Node
// will not take a .ts file as a thread's entry, but tsx's require hook,
// installed by the thread's `--import tsx`, loads one required from here.
const { workerData } = require('node:worker_threads');
require(workerData.sourceEntry);
