/**
 * Items placed at directories, as a tree of path segments, to ask which are nearest to a directory
 * (the deepest common ancestor) by walking its segments instead of comparing it with every item: the
 * lookups that pair each component of a deployment with the JDKs or files of the deployment
 * (O(components × items) in one deployment that holds many environments; issue 21).
 */
interface Node<T> {
  children: Map<string, Node<T>>;
  /** Indexes of the items placed exactly here. */
  here: number[];
  /** Every item at or below, in item order (built when first asked). */
  below?: number[];
}

export class DirectoryTree<T> {
  private readonly root: Node<T> = { children: new Map(), here: [] };

  /** `dirOf` gives each item's directory; segments are split on `separator` (a path split, as the callers compare). */
  constructor(
    private readonly items: readonly T[],
    dirOf: (item: T) => string,
    private readonly separator: string,
  ) {
    items.forEach((item, i) => {
      let node = this.root;
      for (const segment of dirOf(item).split(separator)) {
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = { children: new Map(), here: [] }));
        node = child;
      }
      node.here.push(i);
    });
  }

  /**
   * For a directory: the items sharing the most leading segments with it (`nearest`, in item order), those
   * of them whose directory holds it (`holding`: placed exactly at that depth), and the holders nearest
   * to it among all items (`nearestHolders`: the deepest items whose directory holds it).
   */
  lookup(dir: string): { nearest: T[]; holding: T[]; nearestHolders: T[] } {
    let node = this.root;
    let deepestHolder: Node<T> | undefined;
    for (const segment of dir.split(this.separator)) {
      const child = node.children.get(segment);
      if (!child) break;
      node = child;
      if (node.here.length) deepestHolder = node;
    }
    // The indexes are positions in this.items, recorded when each item was added.
    const items = (indexes: number[]) => indexes.map((i) => this.items[i]!);
    return {
      nearest: items(this.below(node)),
      holding: items(node.here),
      nearestHolders: items(deepestHolder?.here ?? []),
    };
  }

  private below(node: Node<T>): number[] {
    if (!node.below)
      node.below = [...node.here, ...[...node.children.values()].flatMap((child) => this.below(child))].sort(
        (a, b) => a - b,
      );
    return node.below;
  }
}
