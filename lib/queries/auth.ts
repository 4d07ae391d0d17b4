import { mutationOptions } from "@tanstack/react-query";
import { postJson } from "./send-json";

/** Ends this session, or every session of the user when `everywhere`. */
export const logOutMutationOptions = () =>
  mutationOptions({
    mutationKey: ["auth", "logout"],
    mutationFn: (everywhere: boolean) => postJson<{ loggedOut: true }>(`/api/auth/logout?${new URLSearchParams({ everywhere: String(everywhere) })}`, {}),
  });
