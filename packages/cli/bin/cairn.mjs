#!/usr/bin/env node
// The `cairn` command. Cairn's packages ship TypeScript sources; tsx compiles them as they load,
// so there is no build step between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
