/** The shapes the API answers with (see /openapi.json); only what the console reads. */

export type Role =
  | 'city_admin'
  | 'district_officer'
  | 'street_officer'
  | 'community_worker'
  | 'health_officer'
  | 'lab_user'
  | 'auditor'
  | 'resident'
  | 'department_officer';

export interface User {
  id: string;
  username: string;
  role: Role;
  placePath: string | null;
  displayName: string | null;
}

export interface SessionReply {
  user: User;
  csrfToken: string;
}

export type PlaceLevel = 'city' | 'district' | 'street' | 'community' | 'grid';

export interface Place {
  id: string;
  parentId: string | null;
  level: PlaceLevel;
  code: string;
  name: string;
  nameEn: string | null;
  path: string;
  lon: number | null;
  lat: number | null;
}

export interface Person {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  homePlacePath: string | null;
  householdKey: string | null;
}

/** A row of listPeople: the phone masked, the full record through getPerson. */
export interface PersonHit {
  id: string;
  name: string;
  phoneMasked: string | null;
  homePlacePath: string;
  homePlaceName: string;
  colour: Colour;
}

/** A row of listStaff: someone tasks can be assigned to. */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  placePath: string;
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  seq?: number;
  problem?: 'hash' | 'link';
}

/** verifyAudit: the chain, then its seals kept outside the database. */
export interface AuditCheck {
  ok: boolean;
  rows: number;
  seals: number;
  sealedThrough: number | null;
  seq?: number;
  problem?: 'hash' | 'link' | 'seal' | 'truncated';
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: { type: string | null; id: string | null } | null;
  reason: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditPage {
  rows: AuditRow[];
  next: number | null;
  verification: ChainCheck;
}

export type Colour = 'green' | 'yellow' | 'red';

/** Dashboard figures of one place (the first row) or a place directly under it. */
export interface PlaceStats {
  path: string;
  name: string;
  nameEn: string | null;
  level: PlaceLevel;
  lon: number | null;
  lat: number | null;
  people: number;
  green: number;
  yellow: number;
  red: number;
  cases: number;
  companions: number;
  openTasks: number;
  overdueTasks: number;
  doneTasks: number;
}

export type DetectionState = 'pending' | 'running' | 'done' | 'failed';

export interface Case {
  id: string;
  number: number;
  label: string;
  personId: string | null;
  status: 'confirmed' | 'discharged' | 'closed';
  confirmedAt: string;
  windowFrom: string | null;
  windowTo: string | null;
  preset: string;
  placePath: string | null;
  detection: {
    state: DetectionState;
    progress?: { phase: 'loading' | 'indexing' | 'querying' | 'storing'; done: number; total: number } | null;
    error?: string | null;
    startedAt?: string | null;
    finishedAt?: string | null;
  };
  companionCount: number;
  createdAt?: string;
}

export interface Companion {
  id: number;
  personId: string | null;
  name: string | null;
  homePlacePath: string | null;
  homePlaceName: string | null;
  cell: string;
  overlapStart: string;
  overlapEnd: string;
  overlapS: number;
  colour: Colour;
  taskId: string | null;
  taskState: string | null;
}

export const TASK_STATES = ['pending', 'in_progress', 'done', 'not_executable'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_OUTCOMES = ['reached', 'tested', 'isolated_at_home', 'transferred', 'unreachable'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];
export type TaskSort = 'due' | 'created' | 'updated' | 'place';

export interface Task {
  id: string;
  caseId: string;
  caseLabel: string;
  personId: string | null;
  personName: string | null;
  phoneMasked: string | null;
  placePath: string;
  placeName: string;
  state: TaskState;
  outcome: TaskOutcome | null;
  note: string | null;
  assignedTo: string | null;
  assignedUsername: string | null;
  cell: string | null;
  overlapStart: string | null;
  overlapEnd: string | null;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Transition {
  at: string;
  from: Colour;
  to: Colour;
  rule: string;
  preset: string;
  reason: Record<string, unknown>;
  evidence?: Record<string, unknown>;
  actors?: string[];
  caseId?: string | null;
  overrideRequestId?: string | null;
}

export interface OverrideRequest {
  id: string;
  personId: string;
  to: Colour;
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  requestedBy: string;
  reason: string;
  requestedAt: string;
  decidedBy?: string | null;
  decisionReason?: string | null;
  decidedAt?: string | null;
  homePlacePath?: string | null;
}

export interface HealthCode {
  personId: string;
  colour: Colour;
  since: string | null;
  preset: string;
  reason: Record<string, unknown>;
  locale: 'zh-CN' | 'en';
  explanation: { headline: string; why: string[]; toGreen: string[]; timeline: string[] };
  history: Transition[];
  pendingOverrides?: OverrideRequest[];
}

export interface TestResult {
  id: string;
  personId: string;
  kind?: string;
  result: 'negative' | 'positive' | 'invalid';
  sampledAt: string;
  reportedAt: string;
  lab: string;
  sampleId: string;
  poolId: string | null;
}

export interface RecordedTest {
  testResult: TestResult;
  inserted: boolean;
  colour: Colour;
  transition: { from: string; to: string; rule: string } | null;
}
