/**
 * What `elasticsearch-certutil cert --in <instances file>` makes (data/certutil.json): the file each instance's
 * certificate is written to (`<filename>/<filename>.crt`, `.p12`), which of its fields become subject alternative
 * names a client checks a host against, and which client verification modes check the host.
 */
import data from './data/certutil.json';

/** The instance file name a generated certificate's path holds (`certs/es01/es01.crt` → `es01`), if it is one. */
export function certutilFilenameOf(file: string): string | undefined {
  return new RegExp(data.certificateFile.pattern).exec(file.replace(/\\/g, '/'))?.[1];
}

/** The instance file name a generated key's path holds (`certs/es01/es01.key` → `es01`), if it is one. */
export function certutilKeyFilenameOf(file: string): string | undefined {
  return new RegExp(data.keyFile.pattern).exec(file.replace(/\\/g, '/'))?.[1];
}

export const CERTUTIL_HOST_VERIFYING_MODES: readonly string[] = data.hostVerifyingModes.modes;
