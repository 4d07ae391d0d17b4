import "server-only";
import type { IncidentDetail } from "@/lib/schemas/incident";
import { getDb } from "../db";
import { loadIncidentDetail } from "./incident-rows";

/** One incident with its timeline in time order. */
export async function getIncident(id: string): Promise<IncidentDetail> {
  return loadIncidentDetail(getDb(), id);
}
