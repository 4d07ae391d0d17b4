import { createLoader, createParser } from "nuqs/server";

/** Which contact point the form edits ("new" for a new one), so the open form survives a reload. */
export const contactPointsSearchParams = {
  edit: createParser<string>({ parse: (value) => (value === "new" || /^[0-9a-f-]{36}$/.test(value) ? value : null), serialize: (value) => value }),
};

export const loadContactPointsSearchParams = createLoader(contactPointsSearchParams);
