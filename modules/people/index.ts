export { ACCESS } from './access.js';
export { default as peopleRoutes } from './http/routes.js';
export { peopleModule } from './module.js';
export {
  type FileSource,
  type ImportOptions,
  type ImportResult,
  importPeopleFile,
  importPeopleRows,
  type PeopleFileKind,
  readPeopleFile,
  sniffKind,
} from './service/people-import.js';
export {
  type ColumnMap,
  columnMap,
  PEOPLE_COLUMNS,
  type PeopleColumn,
  REQUIRED_COLUMNS,
  type RowReject,
  rejectsCsv,
  rowToPerson,
  type SourceRow,
  validIdNumber,
} from './service/people-rows.js';
export {
  type BatchReject,
  type BatchResult,
  countPeople,
  type NewPerson,
  type Paging,
  type Person,
  peopleUnder,
  personById,
  personByIdNumber,
  personByPseudonym,
  registerHandedPerson,
  type UpsertOptions,
  upsertPeople,
} from './store/people.js';
export { type HitColour, type PeopleSearch, type PersonHit, searchPeople } from './store/people-search.js';
export { communitiesWithResidents } from './store/residents.js';
