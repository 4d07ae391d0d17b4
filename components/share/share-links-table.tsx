"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { deleteShareLinkMutationOptions, renameShareLinkMutationOptions } from "@/lib/queries/share";
import type { ShareLinkSummary } from "@/lib/schemas/share-link";
import { formatDateTimeIn } from "@/lib/time/format-zoned";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

/** The links with rename and delete; the server checks that the caller owns each (or is an admin). */
export function ShareLinksTable({ links, showOwner }: { links: ShareLinkSummary[]; showOwner: boolean }) {
  const queryClient = useQueryClient();
  const rename = useMutation(renameShareLinkMutationOptions(queryClient));
  const remove = useMutation(deleteShareLinkMutationOptions(queryClient));
  const [editing, setEditing] = useState<{ slug: string; name: string } | null>(null);
  const error = rename.error ?? remove.error;
  return (
    <>
      {error ? <p className="error-text" role="alert">{error.message}</p> : null}
      <KeyboardTable className="table" data-testid="share-links-table">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">View</th>{showOwner ? <th scope="col">Made by</th> : null}<th scope="col">Made (UTC)</th><th scope="col">Snapshot</th><th scope="col">Expires (UTC)</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.slug} data-row="">
              <td>
                {editing?.slug === link.slug ? (
                  <form aria-label={`Rename ${link.name}`} onSubmit={(event) => { event.preventDefault(); rename.mutate(editing, { onSuccess: () => setEditing(null) }); }}>
                    <input aria-label="New name" value={editing.name} onChange={(event) => setEditing({ slug: link.slug, name: event.target.value })} />
                    <button type="submit" disabled={rename.isPending}>Save</button>
                    <button type="button" onClick={() => setEditing(null)}>Cancel</button>
                  </form>
                ) : <Link href={`/s/${link.slug}`}>{link.name}</Link>}
              </td>
              <td>{link.kind}</td>
              {showOwner ? <td>{link.createdByName} ({link.createdByEmail})</td> : null}
              <td>{formatDateTimeIn(Date.parse(link.createdAt), "utc")}</td>
              <td>{link.hasSnapshot ? "yes" : "no"}</td>
              <td>{link.expiresAt ? formatDateTimeIn(Date.parse(link.expiresAt), "utc") : "never"}</td>
              <td>
                <button type="button" onClick={() => setEditing({ slug: link.slug, name: link.name })}>Rename</button>{" "}
                <button type="button" onClick={() => { if (window.confirm(`Delete “${link.name}”? Anyone holding it gets a “does not exist” page.`)) remove.mutate(link.slug); }}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </KeyboardTable>
    </>
  );
}
