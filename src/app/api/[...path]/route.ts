import { json } from "../v1/params";

// Any /api path no route answers: a JSON 404 a client can read, not the HTML "not found" page.
// (Next picks the named routes — /api/v1/summary, /api/health… — before this catch-all.)
function notFound(request: Request) {
  return json({ error: "not_found", path: new URL(request.url).pathname, reason: "no such endpoint (docs/api.md)" }, 404);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
