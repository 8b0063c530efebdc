// What a target counts: one list for the form, the model, the forecast and the pages.
export const TARGET_METRICS = ["PUPILS_REACHED", "SCHOOLS_COVERED", "SESSIONS_DELIVERED", "PEOPLE_TRAINED"] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  PUPILS_REACHED: "Pupils reached",
  SCHOOLS_COVERED: "Schools and colleges covered",
  SESSIONS_DELIVERED: "Sessions delivered",
  PEOPLE_TRAINED: "People trained",
};
export const metricLabel = (metric: string) => TARGET_METRIC_LABELS[metric as TargetMetric] ?? metric;
