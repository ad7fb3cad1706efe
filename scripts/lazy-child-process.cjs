// node:child_process for commander inside the bundle (scripts/bundle.mjs), loaded when first used: commander
// requires it at its top only to spawn executable subcommands, which finloc has none of, and loading it (with
// dgram and sockets) was 5 ms of every run's start (docs/performance.md).
let loaded;
module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });
