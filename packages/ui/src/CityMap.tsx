/**
 * MapLibre GL with no tile server: a plain background and our own GeoJSON layers — place
 * centroids (click to open the place) and grid cells shaded by companion counts.
 */
import type * as GeoJSON from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n/index.js';

maplibregl.setWorkerUrl(workerUrl);

export interface MapPoint {
  path: string;
  name: string;
  level: string;
  lon: number;
  lat: number;
  /** Show the name beside the dot (the places directly under the one shown). */
  labelled?: boolean;
}

export type CellCollection = GeoJSON.FeatureCollection<GeoJSON.Polygon, { cell: string; companions: number }>;

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

const MAX_LABELS = 80;

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function pointsGeoJson(points: readonly MapPoint[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { path: p.path, name: p.name, level: p.level },
    })),
  };
}

function bounds(
  points: readonly MapPoint[],
  cells: CellCollection | undefined,
): maplibregl.LngLatBounds | null {
  const b = new maplibregl.LngLatBounds();
  let any = false;
  for (const p of points) {
    b.extend([p.lon, p.lat]);
    any = true;
  }
  for (const f of cells?.features ?? []) {
    for (const ring of f.geometry.coordinates) {
      for (const [lon, lat] of ring) {
        b.extend([lon, lat]);
        any = true;
      }
    }
  }
  return any ? b : null;
}

export function CityMap({
  points,
  cells,
  highlightCell,
  onPlace,
  label,
  height = 360,
}: {
  points: readonly MapPoint[];
  cells?: CellCollection;
  highlightCell?: string;
  onPlace?: (path: string) => void;
  label: string;
  height?: number;
}) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(!webglAvailable());
  const markers = useRef<maplibregl.Marker[]>([]);
  const fit = useRef<maplibregl.LngLatBounds | null>(null);
  const onPlaceRef = useRef(onPlace);
  onPlaceRef.current = onPlace;

  // Built once per language (the controls' labels); `label` and `t` follow `lang`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (failed) return;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: box.current!,
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }],
        },
        center: [106.55, 29.56],
        zoom: 10,
        attributionControl: false,
        fadeDuration: 0,
        locale: {
          'Map.Title': label,
          'Marker.Title': t('map.marker'),
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    map.current = m;
    // The box may still be settling (grid layout, fonts): follow its size and refit.
    const ro = new ResizeObserver(() => {
      m.resize();
      if (fit.current) m.fitBounds(fit.current, { padding: 40, maxZoom: 15, duration: 0 });
    });
    ro.observe(box.current!);
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.on('load', () => {
      m.addSource('cells', { type: 'geojson', data: EMPTY });
      m.addSource('places', { type: 'geojson', data: EMPTY });
      m.addLayer({
        id: 'cells-fill',
        type: 'fill',
        source: 'cells',
        paint: {
          'fill-color': [
            'interpolate',
            ['linear'],
            ['get', 'companions'],
            0,
            '#fff4d6',
            5,
            '#fdc45b',
            20,
            '#f08a24',
            100,
            '#c0392b',
          ],
          'fill-opacity': 0.75,
        },
      });
      m.addLayer({
        id: 'cells-line',
        type: 'line',
        source: 'cells',
        paint: { 'line-color': '#8a6d3b', 'line-width': 0.5 },
      });
      m.addLayer({
        id: 'cells-highlight',
        type: 'line',
        source: 'cells',
        filter: ['==', ['get', 'cell'], ''],
        paint: { 'line-color': '#1f4e9c', 'line-width': 3 },
      });
      m.addLayer({
        id: 'places-dot',
        type: 'circle',
        source: 'places',
        paint: {
          'circle-radius': ['match', ['get', 'level'], 'city', 10, 'district', 8, 'street', 6, 4],
          'circle-color': ['match', ['get', 'level'], 'district', '#1f4e9c', 'street', '#3f7fd4', '#7fb0ee'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      m.on('click', 'places-dot', (e) => {
        const path = e.features?.[0]?.properties?.path;
        if (typeof path === 'string') onPlaceRef.current?.(path);
      });
      m.on('mouseenter', 'places-dot', () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', 'places-dot', () => {
        m.getCanvas().style.cursor = '';
      });
      setReady(true);
    });
    m.on('error', (e) => console.warn('map:', e.error?.message));
    setReady(false);
    return () => {
      ro.disconnect();
      for (const marker of markers.current) marker.remove();
      markers.current = [];
      m.remove();
      map.current = null;
      setReady(false);
    };
  }, [failed, lang]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    (m.getSource('places') as maplibregl.GeoJSONSource).setData(pointsGeoJson(points));
    (m.getSource('cells') as maplibregl.GeoJSONSource).setData(cells ?? EMPTY);
    m.setFilter('cells-highlight', ['==', ['get', 'cell'], highlightCell ?? '']);
    // Names as HTML buttons beside the dots (no glyph server needed), reachable by keyboard.
    for (const marker of markers.current) marker.remove();
    markers.current = points
      .filter((p) => p.labelled)
      .slice(0, MAX_LABELS)
      .map((p) => {
        const el = document.createElement('button');
        el.type = 'button';
        el.className = `map-label map-label-${p.level}`;
        el.textContent = p.name;
        el.addEventListener('click', () => onPlaceRef.current?.(p.path));
        return new maplibregl.Marker({ element: el, anchor: 'left', offset: [8, 0] })
          .setLngLat([p.lon, p.lat])
          .addTo(m);
      });
    const b = bounds(points, cells);
    fit.current = b;
    if (b) m.fitBounds(b, { padding: 40, maxZoom: 15, duration: 0 });
  }, [points, cells, highlightCell, ready]);

  if (failed) return <p className="muted">{t('dashboard.noWebgl')}</p>;
  return (
    <div
      ref={box}
      className="map"
      role="img"
      aria-label={label}
      style={{ height }}
      data-testid="map"
      data-ready={ready ? 'yes' : 'no'}
    />
  );
}
