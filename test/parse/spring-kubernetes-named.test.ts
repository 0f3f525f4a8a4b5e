import { classifyFile } from '../../src/parse/registry';
import { kubernetesFormat } from '../../src/parse/kubernetes';

// GitOps repositories name Argo CD's Application manifests application.yaml, and `helm template` output is named for
// its release: SonarSource/helm-chart-sonarqube@b6f9b63 (MIT) tests/unit-compatibility-test/fixtures/sonarqube-dce/
// application-values.yaml (a Secret, StatefulSets) was read as Spring Boot's `values` profile, its Secret's
// `data.jdbc-password` and pod annotations `checksum/secret` warned as a Spring app's plaintext secrets.
describe('a Kubernetes manifest named application*.yaml is no Spring Boot configuration', () => {
  const argoApplication =
    'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: kafka\n  namespace: argocd\nspec:\n  project: default\n';
  const rendered =
    '---\n# Source: sonarqube-dce/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: app-db\ntype: Opaque\ndata:\n  jdbc-password: "cGFzcw=="\n---\n# Source: sonarqube-dce/templates/sonarqube-application.yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app\nspec:\n  template:\n    metadata:\n      annotations:\n        checksum/secret: 71fb5aa757f6f4839ce609ab4c10c38932d0f2058cbe8dd4d8561f43080c945f\n    spec:\n      containers:\n        - name: app\n          image: sonarsource/sonarqube:10\n';
  it.each([
    ['apps/kafka/application.yaml', 'an Argo CD Application: Kubernetes', argoApplication, 'kubernetes'],
    ['fixtures/application-values.yaml', 'a chart rendering: its workloads are Kubernetes', rendered, 'kubernetes'],
    [
      'src/main/resources/application.yml',
      'Spring, a `kind` property alone',
      'server:\n  port: 8443\nkind: batch\n',
      'spring.yaml',
    ],
    [
      'src/main/resources/application-k8s.yml',
      'Spring, an `apiVersion` property alone',
      'apiVersion: v2\nspring:\n  application:\n    name: a\n',
      'spring.yaml',
    ],
    [
      'src/main/resources/application.properties',
      'a .properties file is never a manifest',
      'apiVersion=v1\nkind=Secret\n',
      'spring.properties',
    ],
  ])('%s (%s)', (file, _what, text, kind) => {
    expect(classifyFile(file, text)?.kind).toBe(kind);
  });

  // omerteomim/argo-demo@c2fb54a environments/prod/application.yml (shape): a list item's key indented under the one
  // before it; SnakeYAML, PyYAML and kubectl refuse it. Spring's reader said so; the Kubernetes reading still does.
  it.each([
    ['a broken Argo CD Application under a Spring name', 'environments/prod/application.yml', ['invalid-yaml']],
    ['the same text under a manifest name (not read for its YAML, as before)', 'environments/prod/app.yml', []],
  ])('%s: %s', (_what, file, codes) => {
    const text =
      'apiVersion: argoproj.io/v1alpha1\nkind: Deployment\nspec:\n  sources:\n  - repoURL: https://example/repo.git\n    helm:\n      valueFiles:\n      - values.yml\n        destination:\n  server: https://kubernetes.default.svc\n';
    expect(
      kubernetesFormat.parse({ path: file, text, hadBom: false }, 'kubernetes').problems.map((p) => p.code),
    ).toEqual(codes);
  });
});
