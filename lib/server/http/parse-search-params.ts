import "server-only";
import type { z } from "zod";
import { badRequest, unprocessable } from "../errors";

/** Reads a URL's query into a plain object; repeated keys become arrays where the schema wants one. */
function searchParamsToObject(params: URLSearchParams, arrayKeys: ReadonlySet<string>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    object[key] = arrayKeys.has(key) ? values.flatMap((v) => v.split(",")).filter(Boolean) : values[values.length - 1];
  }
  return object;
}

function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "(input)";
    fields[path] ??= issue.message;
  }
  const message = Object.entries(fields).map(([path, text]) => `${path}: ${text}`).join("; ");
  return { message, fields };
}

/** Query-string input that does not parse is a 400 that names every field at fault. */
export function parseSearchParams<S extends z.ZodType>(schema: S, url: URL, arrayKeys: string[] = []): z.infer<S> {
  const parsed = schema.safeParse(searchParamsToObject(url.searchParams, new Set(arrayKeys)));
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw badRequest(message, fields);
  }
  return parsed.data;
}

/** A JSON body that does not parse is a 400; one that parses but breaks the contract is a 422. */
export async function parseJsonBody<S extends z.ZodType>(schema: S, request: Request): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw unprocessable(message, fields);
  }
  return parsed.data;
}

/** Route segment params ([id]) that do not parse are a 404-worthy typo, reported as 400 with the reason. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw badRequest(describeIssues(parsed.error).message);
  return parsed.data;
}
