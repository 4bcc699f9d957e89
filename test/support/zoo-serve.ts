// Runs the provider zoo until killed, for the CI workflow's action run and for
// trying the CLI by hand:
//   node test/support/zoo-serve.ts 8787      # serves .github/cors-gate.ci.yml's URLs
//   node test/support/zoo-serve.ts 0 /tmp/zoo.yml   # any free port, config written there
import { writeFileSync } from 'node:fs';

const modulePath = '../../src/demo/zoo.ts';
const { startZoo, zooConfig, ZOO } = (await import(modulePath)) as typeof import('../../src/demo/zoo.js');
const zoo = await startZoo(ZOO, Number(process.argv[2] ?? 0));
if (process.argv[3]) writeFileSync(process.argv[3], zooConfig(zoo.url));
console.log(`zoo listening on ${zoo.url}`);
