/** What other modules' screens may use of volunteers': the way to the volunteers' list, and where the verified volunteers are. */
import { listVolunteers } from './api.js';

export const volunteersHref = () => '/volunteers';

/** A verified volunteer on a map: who and where (the aid board draws them with its matches). */
export interface VolunteerPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

/** The verified volunteers within the caller's place (at most `limit`), as points. */
export async function verifiedVolunteerPoints(
  limit: number,
  signal?: AbortSignal,
): Promise<VolunteerPoint[]> {
  const { volunteers } = await listVolunteers({ state: 'verified', limit }, signal);
  return volunteers.map((v) => ({ id: v.id, name: v.name, lon: v.lon, lat: v.lat }));
}
