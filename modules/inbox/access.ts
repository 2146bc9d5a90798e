/** Who may call each inbox operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

const DEPARTMENTS = ['city_admin', 'department_officer'] as const;
const EVERY_STAFF = [...PLACE_STAFF, 'health_officer', 'department_officer'] as const;

export const ACCESS = {
  submitWorkRequest: DEPARTMENTS,
  listWorkRequests: DEPARTMENTS,
  getWorkRequest: DEPARTMENTS,
  exportWorkRequestAnswers: DEPARTMENTS,
  listInbox: PLACE_STAFF,
  getWorkItem: PLACE_STAFF,
  answerWorkItem: PLACE_STAFF,
  updateWorkItem: PLACE_STAFF,
  listDutyItems: EVERY_STAFF,
  importDutyList: ['city_admin'],
  approveAdmission: ['city_admin'],
  listAdmissions: DEPARTMENTS,
  getBurdenStats: [...PLACE_STAFF, 'department_officer'],
  listDepartments: EVERY_STAFF,
  createDepartment: ['city_admin'],
} as const satisfies AccessTable;
