/** What other modules' screens may use of shelters': the way to a shelter's page and to the check-in screen. */
export const shelterHref = (shelterId: string) => `/shelters/${encodeURIComponent(shelterId)}`;
export const checkInHref = (shelterId?: string) =>
  shelterId ? `/shelters/check-in?shelter=${encodeURIComponent(shelterId)}` : '/shelters/check-in';
