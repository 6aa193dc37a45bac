import type { IncomingMessage } from "node:http";
import { MAX_ACTION_BODY_BYTES, MAX_ACTION_NESTING } from "./limits";

// Input the app can never mean, refused at the door with a 4xx before Next, React or PostgreSQL
// see it (where each would answer 500): a NUL byte or a broken %-escape in the address, and a
// server-action body that is too large, of unknown length, or nests deeper than any form does.
// server.ts runs all of it for every request; src/proxy.ts runs `refusedTarget` for pages too,
// so `next dev` refuses the same addresses. Issue #13 item 5; docs/security.md (V5, V13).

/** Why this request target (path and query, as sent) is refused, or null. */
export function refusedTarget(target: string): string | null {
  if (/%00|\u0000/i.test(target)) return "NUL byte in the address";
  try {
    decodeURIComponent(target.replace(/\+/g, " "));
  } catch {
    return "malformed %-escape in the address";
  }
  return null;
}

/** The deepest nesting of arrays and objects in a JSON text (outside strings), stopping past `limit`. */
export function nestingDepth(json: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** The text fields of a multipart body (React's encoded arguments and the form's fields); file parts are skipped. */
function textFields(body: Buffer, contentType: string): { name: string; value: string }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const text = body.toString("latin1");
  return text.split(`--${boundary[1] ?? boundary[2]}`).flatMap((part) => {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) return [];
    const head = part.slice(0, split);
    if (/filename=/i.test(head)) return [];
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return [];
    return [{ name, value: part.slice(split + 4).replace(/\r\n$/, "") }];
  });
}

/** The JSON-looking text parts of a multipart body (React's encoded arguments). */
function jsonParts(body: Buffer, contentType: string): string[] {
  return textFields(body, contentType)
    .map((f) => f.value.trimStart())
    .filter((v) => v.startsWith("[") || v.startsWith("{"));
}

/**
 * Every server action of this app is a form's action. React sends one that reads its form as
 * multipart/form-data whose root argument list (field "0") ends with the form ("$K<n>", a
 * FormData reference); one that takes no arguments (sign-out, "mark all read") as the JSON text
 * `[]`; a form posted without JavaScript carries no "0" field. Arguments typed by hand as JSON
 * (`["x"]`) would reach an action as a string instead of a form: refused here. (An empty list
 * sent to an action that reads a form reaches it: src/app/form-action.ts checks it got a form.)
 */
export function refusedActionArguments(body: Buffer, contentType: string): string | null {
  if (!/^multipart\/form-data/i.test(contentType)) {
    return body.toString("utf8").trim() === "[]" ? null : "a server action here takes a form (multipart/form-data) or nothing";
  }
  const root = textFields(body, contentType).find((f) => f.name === "0");
  if (!root) return null;
  let args: unknown;
  try {
    args = JSON.parse(root.value);
  } catch {
    return "the action's arguments are not JSON";
  }
  if (!Array.isArray(args) || args.length === 0) return "the action's arguments are not a list";
  const last = args[args.length - 1];
  return typeof last === "string" && /^\$K[0-9a-f]+$/.test(last) ? null : "the action's last argument is not a form";
}

export type Refusal = { status: 400 | 411 | 413; reason: string };

/**
 * For a server-action POST: refuses a body over the limit or without a length (411/413, before
 * reading it), and arguments nested deeper than MAX_ACTION_NESTING (400). A body that passes is
 * put back in front of the request stream, so Next reads it as if untouched.
 */
export async function refusedAction(req: IncomingMessage): Promise<Refusal | null> {
  // (Next itself reads the body only up to its bodySizeLimit, next.config.ts: the same number.)
  if (req.method !== "POST" || !req.headers["next-action"]) return null;
  const length = Number(req.headers["content-length"]);
  if (req.headers["content-length"] === undefined || !Number.isSafeInteger(length)) return { status: 411, reason: "a server action needs a Content-Length" };
  if (length > MAX_ACTION_BODY_BYTES) return { status: 413, reason: `a server action body is at most ${MAX_ACTION_BODY_BYTES} bytes` };
  const body = await readExactly(req, length);
  if (body === null) return { status: 400, reason: "the body is shorter than its Content-Length" };
  const type = String(req.headers["content-type"] ?? "");
  const texts = /^multipart\//i.test(type) ? jsonParts(body, type) : [body.toString("utf8")];
  if (texts.some((t) => nestingDepth(t, MAX_ACTION_NESTING) > MAX_ACTION_NESTING)) return { status: 400, reason: "arguments nested too deeply" };
  const notAForm = refusedActionArguments(body, type);
  return notAForm ? { status: 400, reason: notAForm } : null;
}

/** Reads `length` bytes of the body without ending the stream, then puts them back; null when it ends short. */
function readExactly(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const stop = () => {
      req.off("readable", onReadable);
      req.off("error", reject);
      req.off("end", short);
    };
    const done = () => {
      stop();
      const body = Buffer.concat(chunks);
      if (body.length) req.unshift(body);
      resolve(body);
    };
    const short = () => {
      stop();
      resolve(null);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (got < length && (chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        got += chunk.length;
      }
      if (got >= length) done();
    };
    if (length === 0) return resolve(Buffer.alloc(0));
    req.on("readable", onReadable);
    req.on("error", reject);
    req.on("end", short);
  });
}
