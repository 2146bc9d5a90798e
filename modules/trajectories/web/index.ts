/** What other modules' screens may use of trajectories': the way to the trajectories' page. */
export const trajectoriesHref = () => '/trajectories';
