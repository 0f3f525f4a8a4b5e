"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runtimeStage = runtimeStage;
exports.imageStage = imageStage;
exports.runtimeStages = runtimeStages;
exports.heldCommands = heldCommands;
exports.joinedText = joinedText;
exports.heldCopies = heldCopies;
/**
 * The stages and instructions of a parsed Dockerfile that the running image holds: the stage that runs the
 * application (followed through `FROM <earlier stage>`), and its commands and copies.
 */
const dockerfile_1 = require("./dockerfile");
/** The stage that runs the application: the last one, followed through `FROM <earlier stage>` to a real image. */
function runtimeStage(data) {
    return imageStage(data, data.stages.length - 1);
}
/** The stage at `index` followed through `FROM <earlier stage>` to the one that names a real image. */
function imageStage(data, index) {
    let stage = data.stages[index];
    for (let hops = 0; stage?.fromStage !== undefined && hops < data.stages.length; hops++)
        stage = data.stages[stage.fromStage];
    return stage;
}
/** The stages whose instructions the running image holds: the last one and those it builds on, last first. */
function runtimeStages(data) {
    return (0, dockerfile_1.stageChain)(data.stages);
}
/**
 * The commands of the stages the running image holds (runtimeStages), in file order, each with its continuations
 * joined: what the image's JDK edits, installs and sets. Read by the model (Java evidence, java.security edits,
 * cacerts imports) instead of each walking the stages itself.
 */
function heldCommands(data) {
    const held = runtimeStages(data);
    return data.commands
        .filter((command) => held.includes(command.stage))
        .map((command) => ({ ...command, joined: joinedText(command) }));
}
/** An instruction's arguments with each escaped line break a space: what the shell (or Docker, for ENV) reads. */
function joinedText(command) {
    return command.text.replace(/\\\r?\n/g, ' ');
}
/** The `COPY`/`ADD` instructions of the stages the running image holds, in file order. */
function heldCopies(data) {
    const held = runtimeStages(data);
    return data.copies.filter((copy) => held.includes(copy.stage));
}
