/**
 * Spring Boot command-line arguments: `java -jar app.jar --server.port=8443 --spring.profiles.active=prod`.
 * SpringApplication turns every `--name=value` argument into a property of its own source, which comes before the
 * JVM's system properties and the environment (the highest of the sources lint-deploy reads).
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.command-line-args
 * https://github.com/spring-projects/spring-boot/blob/v3.3.0/spring-boot-project/spring-boot/src/main/java/org/springframework/boot/SpringApplication.java
 * (configurePropertySources: `commandLineArgs` is added first)
 */
import type { LineIndex } from '../text';
import { scanOptions, type JvmProperty } from './jvm-args';
import { SPRING_SETTING } from './spring-environment';

/** `--name=value` after a blank, a quote, `[` or `,` (a JSON-form ENTRYPOINT). */
const ARGUMENT = /(^|[\s"'[,])--([A-Za-z][\w.-]*)(=)/g;

/** The settings of how Spring starts that lint-deploy reads besides SPRING_SETTING's: any other is left to the program. */
const START_SETTING = /^spring\.(profiles\.active|config\.location)$/i;

/** The Spring settings given as `--name=value` arguments in `text[from, to)`, `via` the command line. */
export function scanSpringArguments(text: string, index: LineIndex, from: number, to: number): JvmProperty[] {
  return scanOptions(ARGUMENT, text, index, from, to, 'command line').filter(
    (a) => SPRING_SETTING.test(a.name) || START_SETTING.test(a.name),
  );
}
