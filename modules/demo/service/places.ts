/**
 * The demo city's hierarchy: 重庆市 split into 4 districts (quadrants of a 30 km square about the
 * origin), each into 2 × 2 streets, each into 2 × 2 communities — 64 communities, each with its
 * centroid, so the map can draw them and a home position finds its community by arithmetic.
 */
import type { NewPlace } from '@renxing/modules/places';

const HALF = 15000; // metres: the synthetic city spans ±15 km about its origin
const R = 6371008.8;
const DEG = Math.PI / 180;

const DISTRICTS = [
  { code: 'yz', name: '渝中区', en: 'Yuzhong' },
  { code: 'jb', name: '江北区', en: 'Jiangbei' },
  { code: 'spb', name: '沙坪坝区', en: 'Shapingba' },
  { code: 'na', name: '南岸区', en: "Nan'an" },
];
const STREETS = [
  '解放碑',
  '朝天门',
  '大坪',
  '化龙桥',
  '观音桥',
  '石马河',
  '五里店',
  '寸滩',
  '渝碚路',
  '磁器口',
  '小龙坎',
  '天星桥',
  '南坪',
  '铜元局',
  '弹子石',
  '海棠溪',
];
const STREETS_EN = [
  'Jiefangbei',
  'Chaotianmen',
  'Daping',
  'Hualongqiao',
  'Guanyinqiao',
  'Shimahe',
  'Wulidian',
  'Cuntan',
  'Yubeilu',
  'Ciqikou',
  'Xiaolongkan',
  'Tianxingqiao',
  'Nanping',
  'Tongyuanju',
  'Danzishi',
  'Haitangxi',
];
const COMMUNITY_SUFFIX = ['东', '西', '南', '北'];
const COMMUNITY_SUFFIX_EN = ['East', 'West', 'South', 'North'];

export interface DemoCity {
  places: NewPlace[];
  /** The community path for a point (metres east and north of the origin), clamped to the city. */
  communityAt(x: number, y: number): string;
  communities: string[];
}

export function demoCity(origin: [number, number]): DemoCity {
  const [lon0, lat0] = origin;
  const lonOf = (x: number) => lon0 + x / (Math.cos(lat0 * DEG) * DEG * R);
  const latOf = (y: number) => lat0 + y / (DEG * R);
  const places: NewPlace[] = [
    { level: 'city', code: 'cq', name: '重庆市', nameEn: 'Chongqing', lon: lon0, lat: lat0 },
  ];
  const communities: string[] = [];
  // Cell (a, b) of an n × n split of the square: its centre in metres.
  const centre = (n: number, a: number, b: number): [number, number] => [
    -HALF + ((a + 0.5) * 2 * HALF) / n,
    -HALF + ((b + 0.5) * 2 * HALF) / n,
  ];
  for (let d = 0; d < 4; d++) {
    const district = DISTRICTS[d];
    const [dx, dy] = centre(2, d % 2, d >> 1);
    const dPath = `cq.${district.code}`;
    places.push({
      parentPath: 'cq',
      level: 'district',
      code: district.code,
      name: district.name,
      nameEn: district.en,
      lon: lonOf(dx),
      lat: latOf(dy),
    });
    for (let s = 0; s < 4; s++) {
      const a = (d % 2) * 2 + (s % 2);
      const b = (d >> 1) * 2 + (s >> 1);
      const [sx, sy] = centre(4, a, b);
      const k = d * 4 + s;
      const sCode = `jd${String(k + 1).padStart(2, '0')}`;
      const sPath = `${dPath}.${sCode}`;
      places.push({
        parentPath: dPath,
        level: 'street',
        code: sCode,
        name: `${STREETS[k]}街道`,
        nameEn: `${STREETS_EN[k]} Street`,
        lon: lonOf(sx),
        lat: latOf(sy),
      });
      for (let c = 0; c < 4; c++) {
        const [cx, cy] = centre(8, a * 2 + (c % 2), b * 2 + (c >> 1));
        const cCode = `sq${String(k * 4 + c + 1).padStart(2, '0')}`;
        places.push({
          parentPath: sPath,
          level: 'community',
          code: cCode,
          name: `${STREETS[k]}${COMMUNITY_SUFFIX[c]}社区`,
          nameEn: `${STREETS_EN[k]} ${COMMUNITY_SUFFIX_EN[c]} Community`,
          lon: lonOf(cx),
          lat: latOf(cy),
        });
        communities.push(`${sPath}.${cCode}`);
      }
    }
  }
  // Community index of the 8 × 8 cell (i, j): the nesting above, inverted.
  const byCell = new Map<string, string>();
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      const d = (i >> 2) + 2 * (j >> 2);
      const s = ((i >> 1) & 1) + 2 * ((j >> 1) & 1);
      const c = (i & 1) + 2 * (j & 1);
      byCell.set(`${i}:${j}`, communities[d * 16 + s * 4 + c]);
    }
  }
  const clamp = (v: number) => Math.min(7, Math.max(0, Math.floor(((v + HALF) * 8) / (2 * HALF))));
  return {
    places,
    communities,
    communityAt: (x, y) => byCell.get(`${clamp(x)}:${clamp(y)}`)!,
  };
}
