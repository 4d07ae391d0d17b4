#!/bin/sh
echo "Prisma native schema engine is not installed here (offline). Use npm run db:migrate." >&2
exit 1
