'use strict';
// The read floor (synchronous): walk the tree and read every file, nothing else.
const fs = require('node:fs');
const path = require('node:path');
let files = 0;
let bytes = 0;
const visit = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) visit(full);
    else if (entry.isFile()) {
      bytes += fs.readFileSync(full).length;
      files++;
    }
  }
};
visit(process.argv[2]);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
