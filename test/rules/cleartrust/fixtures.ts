/** Small ClearTrust files for rule tests. */
export const conf = (lines: string[]) => lines.join('\n') + '\n';

export const eserver = (mode: string, extra: string[] = []) =>
  conf([
    '# Entitlements Server',
    `cleartrust.net.ssl.use=${mode}`,
    'cleartrust.eserver.api_port.use_ssl=clear',
    ...extra,
  ]);
export const aserver = (mode: string, runtime = mode, extra: string[] = []) =>
  conf([
    '# Authorization Server',
    `cleartrust.net.ssl.use=${mode}`,
    `cleartrust.runtime_api.security=${runtime}`,
    ...extra,
  ]);
export const dispatcher = (mode: string, extra: string[] = []) =>
  conf(['# Dispatcher', `cleartrust.net.ssl.use=${mode}`, ...extra]);
export const webagent = (mode: string, extra: string[] = []) =>
  conf([
    '<Global>',
    '\tcleartrust.agent.server_pool=__default__',
    '</Global>',
    '<Pool id=__default__>',
    `\tcleartrust.agent.ssl.use=${mode}`,
    ...extra.map((l) => `\t${l}`),
    '</Pool>',
  ]);
