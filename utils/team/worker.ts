// The Team page's worker: one job per message, answered with its result (jobs.ts).
import { runTeamJob, type TeamJob } from './jobs';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; job: TeamJob }>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', (event) => {
  const { id, job } = event.data;
  void runTeamJob(job).then((result) => scope.postMessage({ id, result }));
});
