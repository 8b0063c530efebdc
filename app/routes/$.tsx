// Any path no other route matches: the GOV.UK "Page not found" page with status 404.
export function loader() {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
