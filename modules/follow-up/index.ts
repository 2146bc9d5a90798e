export { ACCESS } from './access.js';
export { default as taskRoutes } from './http/routes.js';
export { followUpModule } from './module.js';
export {
  createTasksForCase,
  listTasks,
  maskPhone,
  reassignTasks,
  TASK_OUTCOMES,
  TASK_STATES,
  type Task,
  type TaskListOptions,
  type TaskOutcome,
  type TaskPatch,
  type TaskState,
  taskById,
  tasksInScope,
  taskTransitionAllowed,
  updateTask,
} from './store/tasks.js';
