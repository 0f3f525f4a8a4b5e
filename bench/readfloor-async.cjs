'use strict';
// The read floor (asynchronous): same walk with fs.promises, 64 reads in flight.
const fs = require('node:fs/promises');
const path = require('node:path');
let files = 0;
let bytes = 0;
async function list(dir, out) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await list(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
(async () => {
  const all = await list(process.argv[2], []);
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const file = all[next++];
      bytes += (await fs.readFile(file)).length;
      files++;
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  process.stdout.write(`${files} files, ${bytes} bytes\n`);
})();
