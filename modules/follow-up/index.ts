export { ACCESS } from './access.js';
export { FOLLOW_UP_ERRORS } from './errors.js';
export { default as taskRoutes } from './http/routes.js';
export { FOLLOW_UP_INDICATORS } from './indicators.js';
export { followUpModule } from './module.js';
export {
  checkTaskWork,
  isOpen,
  TASK_OUTCOMES,
  TASK_STATES,
  type TaskOutcome,
  type TaskState,
  type TaskWork,
  taskTransitionAllowed,
} from './rules/tasks.js';
export { changeTask, moveTasks, type TaskActor, type TaskChange } from './service/tasks.js';
export {
  createTasksForCase,
  listTasks,
  maskPhone,
  openTaskCount,
  reassignTasks,
  type Task,
  type TaskListOptions,
  type TaskPatch,
  taskById,
  tasksInScope,
  updateTask,
} from './store/tasks.js';
