export { ExitCode } from './errors.js';
export { buildProgram, main } from './main.js';
