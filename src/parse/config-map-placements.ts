/**
 * ConfigMaps a YAML file makes from the tree's files, as placements (./script-file-placements.ts) into the ConfigMap,
 * which a Pod's volume may then mount where a server reads (src/model/nginx-config-maps.ts):
 * - a kustomization's `configMapGenerator:` (and `secretGenerator:`) item, its `name:` and its `files:` (`[key=]path`,
 *   the key by default the file's name, the path relative to the kustomization's directory)
 *   (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/configmapgenerator/,
 *   https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/secretgenerator/);
 * - a Helm template's ConfigMap whose `data:` reads chart files: `key: {{ .Files.Get "path" }}` (the key the line, or
 *   the block scalar's key above it, writes) and `{{ (.Files.Glob "pattern").AsConfig }}` (each file at its name);
 *   a Glob a `range` walks puts its files at keys the template decides (unknown). Paths are relative to the chart's
 *   directory (https://helm.sh/docs/chart_template_guide/accessing_files/).
 */
import * as path from 'node:path';
import type { Node } from 'yaml';
import type { FilePlacement } from './script-file-placements';
import { LineIndex } from './text';
import type { SourceFile } from './types';
import { yaml } from './yaml-flatten';

type YamlNode = Node | null | undefined;

/**
 * The files a `configMapGenerator:` (or `secretGenerator:`) list puts into its ConfigMaps (Secrets): one placement a
 * file, each naming the generator's ConfigMap, its namespace, its literal keys and what else may add keys (`envs:`,
 * a `behavior:` merging into or replacing a base's generator).
 */
export function generatorPlacements(
  node: YamlNode,
  file: string,
  index: LineIndex,
  made: 'configMap' | 'secret' = 'configMap',
): FilePlacement[] {
  const lib = yaml();
  if (!lib.isSeq(node)) return [];
  return node.items.flatMap((item) => {
    if (!lib.isMap(item)) return [];
    const name = item.get('name');
    const files = item.get('files', true) as YamlNode;
    if (typeof name !== 'string' || !lib.isSeq(files)) return [];
    const namespace = item.get('namespace');
    const literals = item.get('literals', true) as YamlNode;
    const literalKeys = lib.isSeq(literals)
      ? literals.items.flatMap((l) => (lib.isScalar(l) ? [String(l.value).split('=')[0]!] : []))
      : [];
    const behavior = item.get('behavior');
    const envs = item.get('envs') ?? item.get('env');
    const moreKeys =
      typeof behavior === 'string' && behavior !== 'create'
        ? `its generator's behavior ${behavior} changes another generator's keys`
        : envs !== undefined
          ? "it also takes the keys of its generator's env files"
          : undefined;
    return files.items.flatMap((entry) => {
      if (!lib.isScalar(entry) || !entry.range) return [];
      const written = String(entry.value);
      const at = written.indexOf('=');
      const source = {
        name,
        keys: [at < 0 ? undefined : written.slice(0, at)],
        base: path.dirname(file),
        ...(typeof namespace === 'string' && { namespace }),
        ...(literalKeys.length > 0 && { literalKeys }),
        ...(moreKeys !== undefined && { moreKeys }),
      };
      return [
        {
          verb: `${made}Generator`,
          sources: [at < 0 ? written : written.slice(at + 1)],
          ...(made === 'secret' ? { secret: source } : { configMap: source }),
          range: index.rangeAt(entry.range[0], entry.range[1]),
        },
      ];
    });
  });
}

/** A Helm template (under `templates/`, not at the top) whose ConfigMaps may read chart files, read no further. */
export function mayReadChartFiles(source: SourceFile): boolean {
  return (
    source.path.split(/[\\/]/).lastIndexOf('templates') >= 1 &&
    source.text.includes('.Files.') &&
    /^kind:\s*["']?ConfigMap/m.test(source.text)
  );
}

const FILES_CALL = /\.Files\.(Get|Glob)\s+"([^"]+)"/g;
/** `key:`, `"key":`, `{{ … }}:` at a line's start, and what follows it. */
const KEY_LINE = /^\s*(?:(["'])([^"']+)\1|(\{\{.*?\}\})|([^\s:#{}"'][^:]*?))\s*:(?:\s+|$)(.*)$/;

/** What a Helm template's ConfigMaps read from chart files, or nothing when it is no such template. */
export function helmFilePlacements(source: SourceFile): FilePlacement[] {
  const parts = source.path.split(/[\\/]/);
  const templates = parts.lastIndexOf('templates');
  if (!mayReadChartFiles(source)) return [];
  const base = parts.slice(0, templates).join(path.sep);
  const index = new LineIndex(source.text);
  const placements: FilePlacement[] = [];
  let offset = 0;
  for (const document of source.text.split(/^---/m)) {
    const start = offset;
    offset += document.length + 3;
    if (!/^kind:\s*["']?ConfigMap["']?\s*$/m.test(document)) continue;
    const name = /^metadata:[ \t]*\n(?:[ \t]+.*\n|[ \t]*\n)*?[ \t]+name:[ \t]*(.+?)[ \t]*$/m.exec(document)?.[1];
    if (name === undefined) continue;
    const lines = document.split('\n');
    let lineStart = 0;
    for (const [k, line] of lines.entries()) {
      for (const call of line.matchAll(FILES_CALL)) {
        const at = start + lineStart + call.index;
        placements.push({
          verb: `.Files.${call[1]}`,
          sources: [call[2]!],
          configMap: { name: name.replace(/^(["'])(.*)\1$/, '$2'), keys: [keyOf(call[1]!, line, lines, k)], base },
          range: index.rangeAt(at, at + call[0].length),
        });
      }
      lineStart += line.length + 1;
    }
  }
  return placements;
}

/**
 * The key a `.Files` call's content goes under: undefined (each file's name) for a Glob's `.AsConfig`/`.AsSecrets`; for
 * a Get, the key written on its line or, for a block scalar's content, on the line above; else the call as written
 * (a template expression: unknown).
 */
function keyOf(call: string, line: string, lines: readonly string[], at: number): string | undefined {
  if (call === 'Glob') return /\.As(Config|Secrets)\b/.test(line) ? undefined : '{{ .Files.Glob }}';
  const own = KEY_LINE.exec(line);
  if (own && !/^\s*\{\{/.test(line)) return own[2] ?? own[3] ?? own[4];
  for (let k = at - 1; k >= 0; k--) {
    const above = lines[k]!;
    if (above.trim() === '' || /^\s*\{\{-?\s*(if|else|end|with|range)?\b/.test(above)) continue;
    const key = KEY_LINE.exec(above);
    return key && /^[|>][-+]?\s*$/.test(key[5] ?? '') ? (key[2] ?? key[3] ?? key[4]) : '{{ .Files.Get }}';
  }
  return '{{ .Files.Get }}';
}
