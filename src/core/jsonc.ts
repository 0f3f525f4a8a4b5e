/** jsonc-parser (a chunk of its own in dist/) is loaded by the first config file or CCDT, not at start-up. */
let jsoncLib: typeof import('jsonc-parser') | undefined;
export const jsonc = (): typeof import('jsonc-parser') =>
  (jsoncLib ??= require('jsonc-parser') as typeof import('jsonc-parser'));
