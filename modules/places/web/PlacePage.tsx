import { Overview } from '@renxing/modules/dashboard/web';
import { useParams } from 'react-router';

/** A place clicked through from the map, a chart or a list: the same overview, for that place. */
export function PlacePage() {
  const { path } = useParams();
  return <Overview key={path} path={path} />;
}
