/**
 * An nginx.conf with one `listen 80` server: its body (indented, one directive or block per line) on line 5 onward,
 * and `outside` on line 2, at the http level.
 */
export const httpServer = (server: string, outside = '') =>
  `http {\n  ${outside}\n  server {\n    listen 80;\n${server
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n  }\n}\n`;
