# Shared by scripts/test.sh and scripts/demo.sh: install what a fresh clone lacks.

ensure_node_modules() {
  # npm ci when node_modules is missing or older than the lockfile; postinstall generates Prisma.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> Installing npm packages (npm ci)…"
    npm ci --no-audit --no-fund --progress=true
  fi
  if [ ! -f lib/generated/prisma/client.ts ]; then
    echo "==> Generating the Prisma client…"
    npm run --silent db:generate
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "==> Chromium is missing: installing Debian's chromium package (apt-get)…"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); then
    echo "!! Could not install Chromium with apt-get. Install it yourself (apt-get install chromium) so /usr/bin/chromium exists; end-to-end tests need it." >&2
    return 1
  fi
}

ensure_hypopg() {
  # The slow-query tests create HypoPG's hypothetical indexes in their own database on the local server.
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -z "$version" ] || [ -f "/usr/share/postgresql/$version/extension/hypopg.control" ]; then return 0; fi
  echo "==> HypoPG is missing: installing Debian's postgresql-$version-hypopg package (apt-get)…"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$version-hypopg" >/dev/null); then
    echo "!! Could not install postgresql-$version-hypopg with apt-get. Install it yourself; the slow-query what-if tests need it." >&2
    return 1
  fi
}
