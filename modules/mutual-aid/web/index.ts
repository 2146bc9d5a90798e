/** What other modules' screens may use of mutual aid's: the ways to the aid board, a volunteer's tasks and a resident's requests. */
export const aidBoardHref = (state?: string) => (state ? `/aid?state=${encodeURIComponent(state)}` : '/aid');
export const myOffersHref = () => '/aid/offers';
export const askHelpHref = () => '/help';
