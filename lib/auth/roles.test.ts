import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, weakerRole, type Permission, type Role } from "./roles";

const expected: Record<Role, Permission[]> = {
  viewer: ["logs:read", "links:create"],
  editor: ["logs:read", "links:create", "alerts:write", "incidents:write"],
  admin: Object.keys(PERMISSIONS) as Permission[],
};

describe("roles", () => {
  it.each(ROLES)("%s can do exactly its permissions", (role) => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
    expect(granted.sort()).toEqual([...expected[role]].sort());
  });
  it("picks the weaker role", () => {
    expect(weakerRole("admin", "viewer")).toBe("viewer");
    expect(weakerRole("editor", "admin")).toBe("editor");
  });
});
