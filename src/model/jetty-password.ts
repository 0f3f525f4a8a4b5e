/**
 * Jetty's `OBF:` obfuscation of passwords (org.eclipse.jetty.util.security.Password): reversible by design. Jetty's
 * SslContextFactory decodes a store password written so before it loads the store (`new Password(value)`), so the
 * decoded password is what the JDK checks. Only held in local variables; never shown.
 */
const OBF = /^OBF:([0-9a-z]+)$/;

/**
 * The password an `OBF:` value stands for, as Password.deobfuscate reads it (groups of four base-36 digits), else the
 * value itself. Undefined when the encoding is damaged, or has `U` groups (bytes above 127): those stay unread.
 */
export function jettyPassword(value: string): string | undefined {
  const m = OBF.exec(value);
  if (!m) return value;
  const s = m[1]!;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const group = s.slice(i, i + 4);
    if (group.length !== 4) return undefined;
    const n = parseInt(group, 36);
    bytes.push(Math.trunc((Math.trunc(n / 256) + (n % 256) - 254) / 2) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}
