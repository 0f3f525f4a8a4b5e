"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.THREAD_ARGUMENT = void 0;
/** Appended to process.argv of the threads --concurrency starts, so the entry point knows it runs in one. */
exports.THREAD_ARGUMENT = '--lint-deploy-thread';
