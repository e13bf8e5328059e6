#!/bin/sh
# A stand-in for soffice in the serve tests: records its pid and its child's in $FAKE_OFFICE_PIDS
# (one line per run), works for $FAKE_OFFICE_SECONDS in a child process (as oosplash waits for
# soffice.bin), then writes a small PDF where `--convert-to pdf --outdir DIR FILE` asks.
outdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) outdir="$2"; shift ;;
  esac
  shift
done
sleep "${FAKE_OFFICE_SECONDS:-3}" &
child=$!
[ -n "$FAKE_OFFICE_PIDS" ] && echo "$$ $child" >> "$FAKE_OFFICE_PIDS"
wait "$child"
printf '%%PDF-1.4\n%% jixiao fake office\n%%%%EOF\n' > "$outdir/report.pdf"
