import { lastPathSegment } from '../../core/path-name';

/**
 * Helm renders every `templates/*.tpl` not named `_…` (partials) into a manifest: `templates/configmap.tpl` is read
 * as the YAML it renders to. A `.tpl` with another extension before it (`nginx.conf.tpl`) is a template of that file.
 */
export function helmManifestName(filePath: string): string | undefined {
  return /[\\/]templates[\\/](?:[^\\/]+[\\/])*[^_.\\/][^.\\/]*\.tpl$/.test(filePath)
    ? filePath.replace(/\.tpl$/, '.yaml')
    : undefined;
}

/** A file that is (or renders to) YAML: `*.yaml`, `*.yml`, a Helm chart's `templates/*.tpl` manifest. */
export const rendersYaml = (file: string): boolean => /\.ya?ml$/i.test(file) || helmManifestName(file) !== undefined;

/** A template named without the extension of a whole configuration file: a piece of one. */
export function isFragmentName(filePath: string): boolean {
  const base = lastPathSegment(filePath);
  return !base.includes('.');
}
