// npm run user:create -- --email a@b.c --password '…' [--name Ann] [--role admin]
// Creates an account directly in Postgres (DATABASE_URL); the way to make the first admin.
import { parseArgs } from "node:util";
import { createUserSchema } from "../lib/schemas/auth";
import { createUser } from "../lib/server/users/create-user";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } } });
const parsed = createUserSchema.safeParse({ email: values.email, password: values.password ?? process.env.TRIAGE_NEW_PASSWORD, name: values.name ?? values.email?.split("@")[0], role: values.role });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  console.error("usage: npm run user:create -- --email you@example.com --password 'at least 12 chars' [--name You] [--role viewer|editor|admin]");
  process.exit(2);
}
try {
  const user = await createUser(parsed.data, null);
  console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  process.exit(0);
} catch (error) {
  console.error(`Could not create the user: ${(error as Error).message}`);
  process.exit(1);
}
