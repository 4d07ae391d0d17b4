/**
 * Who may do what. Roles are ordered: each one can do everything the one below it can.
 * The server checks these on every route and verb; the UI only uses them to hide controls.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "logs:read": "viewer",
  "links:create": "viewer",
  "alerts:write": "editor",
  "incidents:write": "editor",
  "settings:write": "admin",
  "users:manage": "admin",
  "tokens:manage": "admin",
  "audit:read": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function can(role: Role, permission: Permission): boolean {
  return roleRank(role) >= roleRank(PERMISSIONS[permission]);
}

/** The weaker of two roles: an API token never grants more than its owner has. */
export function weakerRole(a: Role, b: Role): Role {
  return roleRank(a) <= roleRank(b) ? a : b;
}
