export {
  type DemoInboxResult,
  type DemoInboxUsers,
  seedDepartments,
  seedInbox,
} from './service/inbox.js';
export { DEMO_DEPARTMENTS, DEMO_DUTY_LIST } from './service/inbox-month.js';
export {
  type DemoInfrastructureResult,
  demoSensorFeed,
  seedInfrastructure,
} from './service/infrastructure.js';
export { type DemoCity, demoCity } from './service/places.js';
export { type DemoPlansResult, seedPlans } from './service/plans.js';
export {
  type DemoResilienceOptions,
  type DemoResilienceResult,
  seedResilience,
} from './service/resilience.js';
export { DEMO_PASSWORD, demoIdNumber, nameOf as demoName, seedDemo } from './service/seed.js';
export {
  type SensorSimulator,
  type SimSensor,
  type SimulatorOptions,
  startSensorSimulator,
} from './service/sensor-sim.js';
export { type DemoSheltersResult, seedShelters } from './service/shelters.js';
export { type DemoSocialOptions, type DemoSocialResult, seedSocial } from './service/social.js';
export { DEMO_SLAS, type DemoParticipationResult } from './service/social-reports.js';
export { DEMO_SUPPLY_CATALOGUE, type DemoSuppliesResult, seedSupplies } from './service/supplies.js';
