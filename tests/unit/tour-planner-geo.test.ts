import { describe, expect, test } from "vitest";
import { gridDistanceMetres, gridToLatLon, roadKm, travelMinutesForKm } from "~/models/tour-planner/geo";

/** Metres between two WGS84 positions (haversine on a 6,371 km sphere: plenty for a 5 m tolerance). */
function metresApart(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe("British National Grid geometry", () => {
  test("distance is Euclidean metres; road km and minutes follow the travel model", () => {
    const a = { easting: 530_000, northing: 180_000 };
    const b = { easting: 533_000, northing: 184_000 };
    expect(gridDistanceMetres(a, b)).toBe(5000); // a 3-4-5 triangle
    expect(roadKm(a, b, { roadFactor: 1.3 })).toBeCloseTo(6.5, 10);
    expect(travelMinutesForKm(6.5, { speedKmh: 30 })).toBeCloseTo(13, 10);
  });

  // Published Ordnance Survey examples of the OSGB36 ↔ ETRS89 transformation (ETRS89 is within a metre of WGS84 in
  // Britain). The 7-parameter Helmert shift is documented as good to a few metres, so 5 m is the tolerance.
  test.each([
    // Caister Water Tower, the worked example in the OS "Transformations and OSGM15 user guide", Annexe A.
    { name: "Caister Water Tower", easting: 651_409.792, northing: 313_177.448, latitude: 52.658007833, longitude: 1.716073973 },
    // TR 143 599 near Canterbury, the OSTN02 example grid reference.
    { name: "TR 143 599", easting: 614_300, northing: 159_900, latitude: 51.29788, longitude: 1.072628 },
  ])("$name converts to WGS84 within 5 m", ({ easting, northing, latitude, longitude }) => {
    const converted = gridToLatLon({ easting, northing });
    expect(metresApart(converted, { latitude, longitude })).toBeLessThan(5);
  });
});
