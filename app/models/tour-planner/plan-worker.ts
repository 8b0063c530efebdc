// The worker thread that runs the solver off the request thread (app/models/tour-plans.server.ts starts it): it
// posts progress and the result back; the parent sets the shared flag to stop it early.
import { parentPort, workerData } from "node:worker_threads";
import { planTour } from "./solve";
import type { PlanInput, PlanProgress, PlanResult } from "./types";

export type PlanWorkerData = { input: PlanInput; stop: SharedArrayBuffer };
export type PlanWorkerMessage =
  { type: "progress"; progress: PlanProgress } | { type: "done"; result: PlanResult } | { type: "failed"; error: string };

const port = parentPort!;
const { input, stop } = workerData as PlanWorkerData;
const stopFlag = new Int32Array(stop);
const post = (message: PlanWorkerMessage) => port.postMessage(message);

try {
  const result = planTour(input, {
    onProgress: (progress) => post({ type: "progress", progress }),
    shouldStop: () => Atomics.load(stopFlag, 0) === 1,
  });
  post({ type: "done", result });
} catch (error) {
  post({ type: "failed", error: error instanceof Error ? error.message : String(error) });
}
