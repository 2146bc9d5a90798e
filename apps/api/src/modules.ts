/** The mission areas the API serves, in the order their routes are registered. */
import type { RenxingModule } from '@renxing/http';
import { accessModule } from '@renxing/modules/access';
import { auditModule } from '@renxing/modules/audit';
import { casesModule } from '@renxing/modules/cases';
import { dashboardModule } from '@renxing/modules/dashboard';
import { federationModule } from '@renxing/modules/federation';
import { followUpModule } from '@renxing/modules/follow-up';
import { healthCodesModule } from '@renxing/modules/health-codes';
import { inboxModule } from '@renxing/modules/inbox';
import { infrastructureModule } from '@renxing/modules/infrastructure';
import { mutualAidModule } from '@renxing/modules/mutual-aid';
import { participationModule } from '@renxing/modules/participation';
import { peopleModule } from '@renxing/modules/people';
import { placesModule } from '@renxing/modules/places';
import { plansModule } from '@renxing/modules/plans';
import { resilienceModule } from '@renxing/modules/resilience';
import { screeningModule } from '@renxing/modules/screening';
import { sheltersModule } from '@renxing/modules/shelters';
import { suppliesModule } from '@renxing/modules/supplies';
import { trajectoriesModule } from '@renxing/modules/trajectories';
import { volunteersModule } from '@renxing/modules/volunteers';

export const MODULES: readonly RenxingModule[] = [
  accessModule,
  placesModule,
  peopleModule,
  auditModule,
  trajectoriesModule,
  casesModule,
  followUpModule,
  dashboardModule,
  healthCodesModule,
  inboxModule,
  screeningModule,
  suppliesModule,
  sheltersModule,
  plansModule,
  infrastructureModule,
  volunteersModule,
  mutualAidModule,
  participationModule,
  resilienceModule,
  federationModule,
];
