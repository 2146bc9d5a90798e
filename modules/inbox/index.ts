export { ACCESS } from './access.js';
export { INBOX_ERRORS } from './errors.js';
export { INBOX_INDICATORS } from './indicators.js';
export { inboxModule } from './module.js';
export { ageOn, type Burden, type BurdenCounts, burden } from './rules/burden.js';
export { type Admission, DUTY_LISTS, type DutyItem, type DutyList, judgeRequest } from './rules/duty.js';
export {
  type DateWindow,
  type FieldSpec,
  type FieldType,
  itemShape,
  type Priority,
  type WorkKind,
  windowsOverlap,
} from './rules/items.js';
export { approveAdmission, createDepartment, importDutyList } from './service/duty-list.js';
export { type InboxActor, localDate, submitWorkRequest, type WorkRequestInput } from './service/intake.js';
export { answerWorkItem, getWorkItem, updateWorkItem } from './service/items.js';
export {
  closePlatformItems,
  closePlatformItemsByRef,
  type PlatformItem,
  raisePlatformItems,
} from './service/platform-items.js';
export {
  insertDepartment,
  listDepartments,
  publishDutyList,
  setDepartmentOfficer,
} from './store/duty-list.js';
export { listItems } from './store/items.js';
export { burdenCounts } from './store/requests.js';
