/** Appended to process.argv of the threads --concurrency starts, so the entry point knows it runs in one. */
export const THREAD_ARGUMENT = '--lint-deploy-thread';
