export const PAGE_SIZE = 25;

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number; pageSize: number };

/** skip/take for a 1-based page. */
export function pageWindow(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
