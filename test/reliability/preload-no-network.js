// Preloaded into the CLI by isolation.test.ts: any network or child-process use is recorded and refused.
const fs = require('node:fs');
const record = (what) => {
  const file = process.env.LINT_DEPLOY_NET_LOG;
  if (file) fs.appendFileSync(file, `${what}\n`);
  throw new Error(`isolation: ${what} attempted`);
};
const net = require('node:net');
net.Socket.prototype.connect = function () {
  return record('net.Socket.connect');
};
const dns = require('node:dns');
dns.lookup = () => record('dns.lookup');
for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  mod.request = () => record(`${name}.request`);
  mod.get = () => record(`${name}.get`);
}
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'])
  cp[name] = () => record(`child_process.${name}`);
