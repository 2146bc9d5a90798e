/**
 * Shelter status for other systems: a GeoJSON FeatureCollection (RFC 7946: points, lon/lat, WGS 84)
 * and an XML document in the shape of OASIS EDXL-HAVE 1.0 (HospitalStatus → Hospital per shelter:
 * its organisation and location, its places as bed capacity, its state as facility status). Pure.
 */
import { availableAt, CITY_OFFSET_SECONDS, capacityAt, periodAt } from './capacity.js';
import type { Candidate, Offer, ShelterType } from './types.js';

/** A shelter as the exports describe it. */
export interface ShelterStatus extends Candidate {
  name: string;
  /** The place path it belongs to, and that place's name. */
  place: string;
  placeName: string;
  address: string | null;
  type: ShelterType;
  offers: readonly Offer[];
  updatedAt: Date;
}

export const GEOJSON_TYPE = 'application/geo+json';
export const EDXL_HAVE_NS = 'urn:oasis:names:tc:emergency:EDXL:HAVE:1.0';
export const GML_NS = 'http://www.opengis.net/gml';

/** Coordinates to 7 decimals (about 1 cm), as RFC 7946 advises against spurious precision. */
const coordinate = (x: number) => Math.round(x * 1e7) / 1e7;

/** The shelters at `at` as a GeoJSON FeatureCollection of points. */
export function sheltersGeoJson(
  shelters: readonly ShelterStatus[],
  at: Date,
  offsetSeconds = CITY_OFFSET_SECONDS,
): { type: 'FeatureCollection'; features: unknown[] } {
  const period = periodAt(at, offsetSeconds);
  return {
    type: 'FeatureCollection',
    features: shelters.map((s) => ({
      type: 'Feature',
      id: s.id,
      geometry: { type: 'Point', coordinates: [coordinate(s.lon), coordinate(s.lat)] },
      properties: {
        id: s.id,
        name: s.name,
        place: s.place,
        placeName: s.placeName,
        address: s.address,
        type: s.type,
        offers: s.offers.join(','),
        state: s.state,
        period,
        capacity: capacityAt(s, at, offsetSeconds),
        capacityDay: s.capacityDay,
        capacityNight: s.capacityNight,
        occupancy: s.occupancy,
        available: availableAt(s, at, offsetSeconds),
        updatedAt: s.updatedAt.toISOString(),
        asOf: at.toISOString(),
      },
    })),
  };
}

/** Text for XML content and attribute values; characters XML 1.0 cannot carry are dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string | number) => `<${name}>${xmlText(String(text))}</${name}>`;

/** EDXL-HAVE's facility status for a shelter state. */
const FACILITY_STATUS = { open: 'Normal', closed: 'Closed' } as const;

/**
 * The shelters at `at` as an EDXL-HAVE-style document. Each shelter is a `Hospital` whose
 * organisation is the shelter, located by a GML point (lat lon, EPSG:4326 order); its places are
 * two `BedCapacity` entries — the day and the night capacity, each with what is available against
 * it now (never below 0, as the schema counts) — the one holding now first; its state is the
 * facility status (open → Normal, closed → Closed); what it offers is listed as resources.
 */
export function sheltersEdxl(
  shelters: readonly ShelterStatus[],
  at: Date,
  offsetSeconds = CITY_OFFSET_SECONDS,
): string {
  const now = periodAt(at, offsetSeconds);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<HospitalStatus xmlns="${EDXL_HAVE_NS}" xmlns:gml="${GML_NS}">`,
  ];
  for (const s of shelters) {
    const periods = now === 'day' ? (['day', 'night'] as const) : (['night', 'day'] as const);
    const beds = periods.map((p) => {
      const baseline = p === 'day' ? s.capacityDay : s.capacityNight;
      const available = Math.max(0, baseline - s.occupancy);
      const status = s.state === 'open' && available > 0 ? 'Vacant/Available' : 'NotAvailable';
      return [
        '      <BedCapacity>',
        `        ${el('BedType', p === 'day' ? 'ShelterDayPlaces' : 'ShelterNightPlaces')}`,
        '        <Capacity>',
        `          ${el('CapacityStatus', status)}`,
        `          ${el('AvailableCount', available)}`,
        `          ${el('BaselineCount', baseline)}`,
        `          ${el('OccupiedCount', s.occupancy)}`,
        '        </Capacity>',
        `        ${el('Comment', p === now ? 'holds now' : 'holds in the other period (night 20:00-08:00 city time)')}`,
        '      </BedCapacity>',
      ].join('\n');
    });
    lines.push(
      '  <Hospital>',
      '    <Organization>',
      '      <OrganizationInformation>',
      `        ${el('OrganizationID', s.id)}`,
      `        ${el('OrganizationName', s.name)}`,
      `        ${el('OrganizationType', s.type === 'indoor' ? 'IndoorShelter' : 'OutdoorShelter')}`,
      `        ${el('OrganizationArea', s.place)}`,
      `        ${el('OrganizationAreaName', s.placeName)}`,
      ...(s.address ? [`        ${el('OrganizationAddress', s.address)}`] : []),
      '      </OrganizationInformation>',
      '      <OrganizationGeoLocation>',
      `        <gml:Point srsName="EPSG:4326"><gml:pos>${coordinate(s.lat)} ${coordinate(s.lon)}</gml:pos></gml:Point>`,
      '      </OrganizationGeoLocation>',
      '    </Organization>',
      '    <HospitalBedCapacityStatus>',
      ...beds,
      '    </HospitalBedCapacityStatus>',
      '    <HospitalFacilityStatus>',
      `      ${el('FacilityStatus', FACILITY_STATUS[s.state])}`,
      '    </HospitalFacilityStatus>',
      '    <HospitalResourcesStatus>',
      ...s.offers.map((o) => `      ${el('Resource', o)}`),
      '    </HospitalResourcesStatus>',
      `    ${el('LastUpdateTime', s.updatedAt.toISOString())}`,
      '  </Hospital>',
    );
  }
  lines.push('</HospitalStatus>', '');
  return lines.join('\n');
}
