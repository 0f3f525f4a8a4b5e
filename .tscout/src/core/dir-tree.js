"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DirectoryTree = void 0;
class DirectoryTree {
    items;
    separator;
    root = { children: new Map(), here: [] };
    /** `dirOf` gives each item's directory; segments are split on `separator` (a path split, as the callers compare). */
    constructor(items, dirOf, separator) {
        this.items = items;
        this.separator = separator;
        items.forEach((item, i) => {
            let node = this.root;
            for (const segment of dirOf(item).split(separator)) {
                let child = node.children.get(segment);
                if (!child)
                    node.children.set(segment, (child = { children: new Map(), here: [] }));
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
    lookup(dir) {
        let node = this.root;
        let deepestHolder;
        for (const segment of dir.split(this.separator)) {
            const child = node.children.get(segment);
            if (!child)
                break;
            node = child;
            if (node.here.length)
                deepestHolder = node;
        }
        // The indexes are positions in this.items, recorded when each item was added.
        const items = (indexes) => indexes.map((i) => this.items[i]);
        return {
            nearest: items(this.below(node)),
            holding: items(node.here),
            nearestHolders: items(deepestHolder?.here ?? []),
        };
    }
    below(node) {
        if (!node.below)
            node.below = [...node.here, ...[...node.children.values()].flatMap((child) => this.below(child))].sort((a, b) => a - b);
        return node.below;
    }
}
exports.DirectoryTree = DirectoryTree;
