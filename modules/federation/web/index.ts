/**
 * What other modules' screens may use of federation's: the ways to its pages, and HandoffButton —
 * a button opening the 移交外市 form prefilled (`<HandoffButton kind="companion" companionId={m.id} />`),
 * shown only to the roles that may send a hand-off.
 */
export { HandoffButton, type HandoffButtonProps } from './HandoffButton.js';
export { HANDOFFS_HREF, handoffHref, handoffsHref, PEERS_HREF } from './paths.js';
