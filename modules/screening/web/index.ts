/** What other modules' screens may use of screening's: the way to a round's page. */
export const roundHref = (roundId: string) => `/screening/rounds/${encodeURIComponent(roundId)}`;
