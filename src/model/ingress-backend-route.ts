import type { Location } from '../core/types';

/**
 * An Ingress backend of ingress-nginx that reaches a container whose port the tree settles (./kubernetes-ingress-backends.ts):
 * the protocol the controller speaks to it (its `backend-protocol` annotation, HTTP when unwritten) and what the
 * container serves there (TLS only, or plain HTTP), with the settings that say so.
 */
export interface IngressBackendRoute {
  /** The Ingress in words: `Ingress web (k8s/ingress.yaml)`. */
  ingress: string;
  /** The backend's Service name in the Ingress. */
  at: Location;
  /** What ingress-nginx speaks to the backend: TLS (HTTPS, GRPCS) or plain (HTTP, GRPC, the default). */
  speaks: 'tls' | 'plain';
  /** `nginx.ingress.kubernetes.io/backend-protocol` as written (upper case) and where; unset: not written (HTTP). */
  protocol?: { value: string; at: Location };
  /** The Service and the port entry that forwards the backend's port. */
  service: { name: string; at: Location };
  /** The container port the Service forwards to. */
  targetPort: number;
  /**
   * The container that serves it: `Deployment web, container web`, where its manifest starts it, and what ties its
   * image to the app (the builds naming it: ContainerStart.builtAt, with their words).
   */
  container: { label: string; at: Location; builtAt?: { at: Location; by: string }[] };
  /** What it serves on targetPort. */
  serves: 'tls' | 'plain';
  /** The server in words (`Spring Boot HTTPS server (…)`, `Java application orders (…)`). */
  server: string;
  /** The setting that decides it (`server.ssl.key-store=…`, `server.port=8080`) and where. */
  setting: string;
  settingAt: Location;
}
