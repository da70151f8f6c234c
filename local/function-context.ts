/**
 * Which deployed function a piece of local work stands for. In AWS each function runs in its
 * own process with its own role; locally one process serves them all, so the local server
 * marks each request (and each dispatcher run) with the function that would serve it. The
 * tests use the mark to check every AWS call against that function's role in the template.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FunctionName } from '../functions/needs.js';

const running = new AsyncLocalStorage<FunctionName>();

export const runAs = <T>(fn: FunctionName, work: () => Promise<T>): Promise<T> => running.run(fn, work);

/** The function the current work stands for, or undefined outside any (local-only routes, test setup). */
export const currentFunction = (): FunctionName | undefined => running.getStore();
