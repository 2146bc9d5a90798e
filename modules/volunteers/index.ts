export { ACCESS } from './access.js';
export { VOLUNTEERS_ERRORS } from './errors.js';
export { VOLUNTEERS_INDICATORS } from './indicators.js';
export { volunteersModule } from './module.js';
// rules
export { maskPhone, normalisePhone } from './rules/phone.js';
export {
  admitVolunteerRow,
  type LineReject,
  REJECT_REASONS,
  type RejectReason,
  VOLUNTEER_COLUMNS,
  VOLUNTEER_OPTIONAL_COLUMNS,
  type VolunteerRow,
} from './rules/rows.js';
export {
  isSkill,
  ORGANISATION_KINDS,
  type OrganisationKind,
  parseSkills,
  SKILL_WORDS,
  SKILLS,
  type Skill,
  VOLUNTEER_STATES,
  type VolunteerState,
} from './rules/skills.js';
export {
  type AvailabilityWindow,
  cityDate,
  normaliseWindows,
  overlaps,
  parseInstant,
  windowProblem,
} from './rules/windows.js';
// store, service, module
export { auditActor, type VolunteerActor } from './service/actor.js';
export { addVolunteerHours, type HoursInput, recordHours } from './service/hours.js';
export { importVolunteers, type VolunteerImportSummary } from './service/import.js';
export {
  type MatchableVolunteer,
  revealPhone,
  verifiedVolunteersFor,
  volunteerById,
  volunteerOfUser,
} from './service/lookup.js';
export { createOrganisation, type OrganisationInput } from './service/organisations.js';
export {
  type RegisterInput,
  registerVolunteer,
  setVolunteerWindows,
  verifyVolunteer,
} from './service/volunteers.js';
export { type HoursEntry, hoursOf } from './store/hours.js';
export { listOrganisations, type Organisation, organisationById } from './store/organisations.js';
export {
  listVolunteers,
  type Volunteer,
  type VolunteerFilter,
  type VolunteerPage,
} from './store/volunteers.js';
