// Runs the zoo until killed and writes its config (for trying the CLI by hand):
//   node test/support/zoo-serve.ts /tmp/zoo.yml
import { writeFileSync } from 'node:fs';
const modulePath = './zoo.ts';
const { startZoo, zooConfig } = (await import(modulePath)) as typeof import('./zoo.js');
const zoo = await startZoo();
const file = process.argv[2] ?? '/tmp/zoo.yml';
writeFileSync(file, zooConfig(zoo.url));
console.log(file, zoo.url);
