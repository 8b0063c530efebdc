// Distances and map positions from British National Grid coordinates. Easting and Northing are metres on a flat
// projection, so straight-line distance is plain Euclidean maths; latitude and longitude are needed only for maps.
import proj4 from "proj4";
import type { GridPoint, TravelModel } from "./types";

/** OSGB36 / British National Grid with the OS's published 7-parameter Helmert shift to WGS84 (good to a few metres). */
const BNG =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
proj4.defs("EPSG:27700", BNG);
const toWgs84 = proj4("EPSG:27700", "WGS84");

export const DEFAULT_TRAVEL: Omit<TravelModel, "bufferMinutes"> = { roadFactor: 1.3, speedKmh: 30 };

/** Straight-line metres between two grid points. */
export function gridDistanceMetres(a: GridPoint, b: GridPoint): number {
  return Math.hypot(a.easting - b.easting, a.northing - b.northing);
}

/** Estimated road kilometres: straight line × the road factor. */
export function roadKm(a: GridPoint, b: GridPoint, travel: Pick<TravelModel, "roadFactor">): number {
  return (gridDistanceMetres(a, b) / 1000) * travel.roadFactor;
}

/** Minutes to drive a number of road kilometres at the model's average speed. */
export function travelMinutesForKm(km: number, travel: Pick<TravelModel, "speedKmh">): number {
  return (km / travel.speedKmh) * 60;
}

/** WGS84 latitude and longitude (degrees) of a British National Grid point, for maps. */
export function gridToLatLon(point: GridPoint): { latitude: number; longitude: number } {
  const [longitude, latitude] = toWgs84.forward([point.easting, point.northing]);
  return { latitude, longitude };
}
