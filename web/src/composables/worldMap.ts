// The world as ECharts draws it, from the world-atlas 1:110m TopoJSON (ids are ISO 3166-1 numeric
// codes, the same as the countries' `numeric`), registered once and shared by every map of the
// application (the countries page, the diplomatic network). Loaded only with the screens that draw
// a map: the atlas and ECharts are their chunk.
import * as echarts from 'echarts/core'
import { feature, merge } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'

/**
 * Shapes drawn as part of another: Taawun serves Morocco's cooperation agency, whose maps show
 * Western Sahara (732) within Morocco (504); Somaliland and Northern Cyprus (no id in the atlas)
 * are drawn within Somalia (706) and Cyprus (196), as the UN lists them.
 */
const kMergedInto: { into: string; ids?: string[]; names?: string[] }[] = [
  { into: '504', ids: ['732'] },
  { into: '706', names: ['Somaliland'] },
  { into: '196', names: ['N. Cyprus'] },
]
const kLeftOut = new Set(['010']) // Antarctica: no cooperation there, and it takes a fifth of the map.

export const kWorldMapName = 'taawun-world'
let registered: Promise<void> | null = null

type CountryGeometry = { id?: string; properties?: { name?: string }; type: string }
type Ring = [number, number][]
type Geometry = { type: string; coordinates?: unknown }

/**
 * Rings that cross the antimeridian (Fiji, Chukotka in the 1:110m atlas) hold points at +180 and
 * -180 side by side; drawn as is they streak across the whole map. Such rings are moved east
 * (longitudes below zero + 360) so that they stay one small shape past the edge.
 */
function unwrapRing(ring: Ring): Ring {
  let crosses = false
  for (let i = 1; i < ring.length; i += 1) {
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
      crosses = true
      break
    }
  }
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring
}

function unwrapAntimeridian(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: (geometry.coordinates as Ring[]).map(unwrapRing) }
  }
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: (geometry.coordinates as Ring[][]).map((polygon) => polygon.map(unwrapRing)) }
  }
  return geometry
}

/** Registers the world map under kWorldMapName (once, however many maps ask at the same time). */
export function registerWorldMap(): Promise<void> {
  registered ??= load().catch((error: unknown) => {
    registered = null // a chunk that failed to load is asked again next time
    throw error
  })
  return registered
}

async function load(): Promise<void> {
  const atlas = (await import('world-atlas/countries-110m.json')).default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const geometries = atlas.objects.countries.geometries as unknown as CountryGeometry[]
  const absorbed = new Set<CountryGeometry>()
  const merged = new Map<string, unknown>()
  for (const rule of kMergedInto) {
    const parts = geometries.filter(
      (g) => g.id === rule.into || (g.id && rule.ids?.includes(g.id)) || (g.properties?.name && rule.names?.includes(g.properties.name)),
    )
    if (parts.length < 2) continue
    parts.forEach((part) => absorbed.add(part))
    merged.set(rule.into, merge(atlas, parts as never))
  }
  const features = geometries
    .filter((g) => g.id && !absorbed.has(g) && !kLeftOut.has(g.id))
    .map((g) => {
      const shape = feature(atlas, g as never) as unknown as { geometry: Geometry }
      return { type: 'Feature', id: g.id, properties: { name: g.id }, geometry: unwrapAntimeridian(shape.geometry) }
    })
  for (const [id, geometry] of merged) features.push({ type: 'Feature', id, properties: { name: id }, geometry: unwrapAntimeridian(geometry as Geometry) })
  echarts.registerMap(kWorldMapName, { type: 'FeatureCollection', features } as never)
}
