import type { Method } from './context.js';

/** CheckScriptSyntax lands with @cairn/script's checkScriptSyntax; until then it answers 20. */
export const scriptSyntaxMethods: Record<string, Method> = {};
