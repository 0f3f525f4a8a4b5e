/**
 * What the deployment's shell scripts and YAML steps place where (src/parse/script-file-placements.ts,
 * ../parse/yaml-file-placements.ts), in the tree's order. The read stage records the shell scripts and YAML files that
 * may place a file without reading their commands: they are read here, once per build, and only when the model asks
 * (whether a script may enable an nginx snippet no include reaches: ./nginx-enablers.ts), which most deployments never do.
 */
import {
  FILE_PLACEMENTS_KIND,
  filePlacements,
  SHELL_SCRIPT_KIND,
  type FilePlacementsData,
} from '../parse/script-file-placements';
import { YAML_STEPS_KIND, yamlFilePlacements } from '../parse/yaml-file-placements';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';

export function filePlacementDocuments(ctx: ModelContext): ParsedDocument<FilePlacementsData>[] {
  return ctx.once('filePlacements', () => {
    const found: ParsedDocument<FilePlacementsData>[] = [];
    for (const doc of ctx.deployment.documents) {
      const placed =
        doc.kind === SHELL_SCRIPT_KIND
          ? filePlacements(doc.file)
          : doc.kind === YAML_STEPS_KIND
            ? yamlFilePlacements(doc.file)
            : doc.kind === FILE_PLACEMENTS_KIND
              ? (doc as ParsedDocument<FilePlacementsData>)
              : undefined;
      if (placed) found.push(placed);
    }
    return found;
  });
}
