/** The modules whose screens the console shows; their sections give the routes and the navigation. */
import { web as audit } from '@renxing/modules/audit/web/module';
import { web as cases } from '@renxing/modules/cases/web/module';
import { web as dashboard } from '@renxing/modules/dashboard/web/module';
import { web as federation } from '@renxing/modules/federation/web/module';
import { web as followUp } from '@renxing/modules/follow-up/web/module';
import { web as healthCodes } from '@renxing/modules/health-codes/web/module';
import { web as inbox } from '@renxing/modules/inbox/web/module';
import { web as infrastructure } from '@renxing/modules/infrastructure/web/module';
import { web as mutualAid } from '@renxing/modules/mutual-aid/web/module';
import { web as participation } from '@renxing/modules/participation/web/module';
import { web as people } from '@renxing/modules/people/web/module';
import { web as places } from '@renxing/modules/places/web/module';
import { web as plans } from '@renxing/modules/plans/web/module';
import { web as resilience } from '@renxing/modules/resilience/web/module';
import { web as screening } from '@renxing/modules/screening/web/module';
import { web as shelters } from '@renxing/modules/shelters/web/module';
import { web as supplies } from '@renxing/modules/supplies/web/module';
import { web as trajectories } from '@renxing/modules/trajectories/web/module';
import { web as volunteers } from '@renxing/modules/volunteers/web/module';
import { gatherSections } from '@renxing/ui/sections';

export const SECTIONS = gatherSections([
  dashboard,
  places,
  cases,
  trajectories,
  inbox,
  followUp,
  people,
  federation,
  healthCodes,
  screening,
  shelters,
  supplies,
  plans,
  infrastructure,
  volunteers,
  mutualAid,
  participation,
  resilience,
  audit,
]);
