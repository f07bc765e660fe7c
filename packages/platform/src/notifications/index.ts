export { jobFinishedReporter, notifyPolicy, reportFinishedJob } from './job-events.ts';
export { type NotificationInput, queueNotifications } from './queue.ts';
