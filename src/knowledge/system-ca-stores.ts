/**
 * How the JDK of an image or a distribution package follows the operating system's CA store (its cacerts refreshed
 * by update-ca-certificates, or linked to a system Java store), from src/knowledge/data/jdk-locations.json.
 */
import { lazy } from '../core/lazy';
import { jdkFromImage, jdkLocationFacts, splitImageReference } from './jdk-locations';

/** How an image's JDK cacerts follows the operating system's CA store (data: `systemCaStores`). */
export interface SystemCaStore {
  /** The command that refreshes the system store, and with it the JDK's cacerts (`update-ca-certificates`). */
  command: string;
  /** Directories whose certificates it adds, each ending in `/`. */
  anchors: string[];
  /** The file name endings it takes (`.crt`); empty: any. */
  extensions: string[];
  /** Set when it takes only the files directly in an anchors directory (Alpine's update-ca-certificates). */
  topLevelOnly?: boolean;
  /** Only when this variable is set and the image keeps this entrypoint script (it does the import at each start). */
  optIn?: { variable: string; entrypoint: string };
  /** The system Java store the JDK's cacerts links to, and what merges the system CAs into a store copied there. */
  javaStore?: SystemCaJavaStore;
  source: string;
}

/** A system Java store a distribution JDK's cacerts links to (`/etc/ssl/certs/java/cacerts`). */
interface SystemCaJavaStore {
  path: string;
  /** Packages whose install, after a store is copied there, merges every system CA into it (ca-certificates-java). */
  mergingInstalls: RegExp;
  source: string;
}

const systemCaStores = lazy(() =>
  jdkLocationFacts().systemCaStores.flatMap((entry) =>
    entry.repository !== undefined && entry.tags !== undefined
      ? [{ ...entry, repository: new RegExp(entry.repository), tags: new RegExp(entry.tags) }]
      : [],
  ),
);
const packageCaStores = lazy(() =>
  jdkLocationFacts().systemCaStores.flatMap((entry) =>
    entry.package !== undefined ? [{ ...entry, package: new RegExp(entry.package) }] : [],
  ),
);

/**
 * How the JDK a distribution package installs follows the system CA store (`openjdk-17-jre-headless`: its cacerts is
 * /etc/ssl/certs/java/cacerts, which update-ca-certificates extends); undefined when no source says.
 */
export function systemCaStoreOfPackage(name: string): SystemCaStore | undefined {
  const bare = name.replace(/=.*$/, '');
  const entry = packageCaStores().find((e) => e.package.test(bare));
  const javaStore = entry && 'javaStore' in entry ? entry.javaStore : undefined;
  return (
    entry && {
      command: entry.command,
      anchors: entry.anchors,
      extensions: entry.extensions,
      ...('topLevelOnly' in entry && entry.topLevelOnly && { topLevelOnly: true }),
      ...(javaStore && {
        javaStore: {
          path: javaStore.path,
          mergingInstalls: new RegExp(javaStore.mergingInstalls),
          source: javaStore.source,
        },
      }),
      source: entry.source,
    }
  );
}

/**
 * Whether the JDK of an image follows the system CA store, and how; undefined when no source says so (the JDK's
 * own cacerts, or an image lint-deploy does not know). A tag naming an update may be older than the mechanism.
 */
export function systemCaStoreOf(reference: string): SystemCaStore | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  const entry = systemCaStores().find((e) => e.repository.test(name) && e.tags.test(tag));
  if (!entry || (entry.floatingTagsOnly && jdkFromImage(reference)?.version !== undefined)) return undefined;
  return {
    command: entry.command,
    anchors: entry.anchors,
    extensions: entry.extensions,
    ...('optIn' in entry && entry.optIn && { optIn: entry.optIn }),
    source: entry.source,
  };
}

/** A Java trust store an operating system's CA tooling keeps outside any JDK's home (data: `systemJavaStores`). */
export interface SystemJavaStore {
  path: string;
  /** What keeps it, and which JDKs link their cacerts to it. */
  keptBy: string;
  source: string;
}

const systemJavaStores = lazy((): SystemJavaStore[] =>
  jdkLocationFacts().systemJavaStores.map((s) => ({
    path: s.path,
    keptBy: s.keptBy,
    source: s.source,
  })),
);

/** The system Java store at that absolute path (`/etc/ssl/certs/java/cacerts`), or undefined. */
export function systemJavaStoreAt(absolutePath: string): SystemJavaStore | undefined {
  return systemJavaStores().find((s) => s.path === absolutePath);
}
