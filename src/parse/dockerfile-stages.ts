/**
 * The stages and instructions of a parsed Dockerfile that the running image holds: the stage that runs the
 * application (followed through `FROM <earlier stage>`), and its commands and copies.
 */
import type { DockerCommand, DockerfileData } from './dockerfile';
import { stageChain, type DockerStage } from './dockerfile-from';
import type { DockerCopy } from './dockerfile-copies';

/** The stage that runs the application: the last one, followed through `FROM <earlier stage>` to a real image. */
export function runtimeStage(data: DockerfileData): DockerStage | undefined {
  return imageStage(data, data.stages.length - 1);
}

/** The stage at `index` followed through `FROM <earlier stage>` to the one that names a real image. */
export function imageStage(data: DockerfileData, index: number): DockerStage | undefined {
  let stage = data.stages[index];
  for (let hops = 0; stage?.fromStage !== undefined && hops < data.stages.length; hops++)
    stage = data.stages[stage.fromStage];
  return stage;
}

/** The stages whose instructions the running image holds: the last one and those it builds on, last first. */
export function runtimeStages(data: DockerfileData): number[] {
  return stageChain(data.stages);
}

/** A `RUN`, `ENV`, `CMD` or `ENTRYPOINT` of the running image, its continuation lines joined into one line. */
export interface HeldCommand extends DockerCommand {
  /** The arguments with each escaped line break a space: what the shell (or Docker, for ENV) reads. */
  joined: string;
}

/**
 * The commands of the stages the running image holds (runtimeStages), in file order, each with its continuations
 * joined: what the image's JDK edits, installs and sets. Read by the model (Java evidence, java.security edits,
 * cacerts imports) instead of each walking the stages itself.
 */
export function heldCommands(data: DockerfileData): HeldCommand[] {
  const held = runtimeStages(data);
  return data.commands
    .filter((command) => held.includes(command.stage))
    .map((command) => ({ ...command, joined: joinedText(command) }));
}

/** An instruction's arguments with each escaped line break a space: what the shell (or Docker, for ENV) reads. */
export function joinedText(command: DockerCommand): string {
  return command.text.replace(/\\\r?\n/g, ' ');
}

/** The `COPY`/`ADD` instructions of the stages the running image holds, in file order. */
export function heldCopies(data: DockerfileData): DockerCopy[] {
  const held = runtimeStages(data);
  return data.copies.filter((copy) => held.includes(copy.stage));
}
