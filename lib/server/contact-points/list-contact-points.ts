import "server-only";
import type { ContactPoint } from "@/lib/schemas/contact-point";
import { getDb } from "../db";
import { toContactPoint } from "./contact-point-rows";

export async function listContactPoints(): Promise<{ contactPoints: ContactPoint[] }> {
  const rows = await getDb().contactPoint.findMany({ orderBy: { name: "asc" } });
  return { contactPoints: rows.map(toContactPoint) };
}
