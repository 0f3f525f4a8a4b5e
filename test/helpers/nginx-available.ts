import type { Tree } from './rule-tester';

/**
 * Debian's layout: an nginx.conf that includes sites-enabled/* and a site in sites-available that nothing enables
 * (src/model/nginx-unloaded.ts), for the rules whose verdict is "nginx does not start".
 */
export function availableSite(dir: string, site: string): Tree {
  return {
    [`${dir}/nginx.conf`]: 'events {}\nhttp {\n  include /etc/nginx/sites-enabled/*;\n}\n',
    [`${dir}/sites-available/site`]: site,
  };
}

/** An entrypoint script that links the site into sites-enabled: nginx may then load it. */
export const LINKING_ENTRYPOINT =
  '#!/bin/sh\nset -e\nln -sf /etc/nginx/sites-available/site /etc/nginx/sites-enabled/site\nexec nginx -g "daemon off;"\n';
