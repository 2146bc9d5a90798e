/** What other modules' screens may use of supplies': the way to the gaps of a place. */
export const suppliesGapsHref = (under?: string) =>
  under ? `/supplies/gaps?under=${encodeURIComponent(under)}` : '/supplies/gaps';
