#!/usr/bin/env bash
# The Debian package (issue 21, docs/deploy.md): `cpack -G DEB` from BUILD must give jixiao_*.deb
# with the binary, the shipped folders under /usr/share/jixiao, /etc/jixiao/jixiao.conf as a
# conffile, the hardened systemd unit, maintainer scripts that parse, and Depends computed by
# dpkg-shlibdeps (Poco, libxlsxwriter). The unpacked package's binary then scores and reports the
# bundled example from an unrelated folder. Nothing is installed on this machine.
# Usage: deb_package.sh BUILD_DIR SOURCE_DIR. About 15 s with the build up to date. Skipped (exit
# 77, reported by ctest as skipped) where dpkg-deb/dpkg-shlibdeps are missing or JIXIAO_DEB_TEST=0.
set -u
if [ "${JIXIAO_DEB_TEST:-1}" = 0 ] || ! command -v dpkg-shlibdeps >/dev/null ||
  ! command -v dpkg-deb >/dev/null; then
  echo "skipped: no dpkg-deb/dpkg-shlibdeps here, or JIXIAO_DEB_TEST=0"
  exit 77
fi
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
unset JIXIAO_HOME JIXIAO_TEMPLATES JIXIAO_INDICATORS
export JIXIAO_OFFICE=none

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg") >"$work/cpack.log" 2>&1 ||
  { tail -20 "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/pkg/jixiao_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no jixiao_*.deb"
[ "$(dpkg-deb -f "$deb" Package)" = jixiao ] || fail "package name is not jixiao"

dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/files"
for f in ./usr/bin/jixiao ./usr/share/jixiao/templates/report/sections.txt \
  ./usr/share/jixiao/templates/docx/styles.xml ./usr/share/jixiao/indicators/national-2020.json \
  ./usr/share/jixiao/docs/deploy.md ./usr/share/jixiao/docs/examples/mini-case/case.json \
  ./etc/jixiao/jixiao.conf ./lib/systemd/system/jixiao.service; do
  grep -qxF "$f" "$work/files" || fail "the package lacks $f"
done
# Nothing outside the FHS places it owns (no build or source paths leaked into the archive).
bad=$(grep -vE '^\./(usr/bin/|usr/share/jixiao/|etc/jixiao/|lib/systemd/system/|usr/$|usr/share/$|etc/$|lib/$|lib/systemd/$|$)' "$work/files")
[ -z "$bad" ] || fail "unexpected files: $bad"

depends=$(dpkg-deb -f "$deb" Depends)
for lib in adduser libpocofoundation libpocodata libxlsxwriter libstdc++6; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done

dpkg-deb -e "$deb" "$work/control"
grep -qxF /etc/jixiao/jixiao.conf "$work/control/conffiles" || fail "jixiao.conf is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$work/control/$s" ] || fail "$s missing or not executable"
  sh -n "$work/control/$s" || fail "$s does not parse"
done
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst creates no system user"
grep -q '/var/lib/jixiao' "$work/control/postinst" || fail "postinst makes no data folder"

dpkg-deb -x "$deb" "$work/root"
unit="$work/root/lib/systemd/system/jixiao.service"
for line in 'User=jixiao' 'ExecStart=/usr/bin/jixiao serve --config /etc/jixiao/jixiao.conf' \
  'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ReadWritePaths=/var/lib/jixiao'; do
  grep -qxF "$line" "$unit" || fail "the unit lacks $line"
done
if command -v systemd-analyze >/dev/null; then
  # verify wants ExecStart to exist: check a copy pointing at the unpacked binary.
  sed "s|^ExecStart=/usr/bin/jixiao|ExecStart=$work/root/usr/bin/jixiao|" "$unit" >"$work/jixiao.service"
  systemd-analyze verify "$work/jixiao.service" >"$work/verify.log" 2>&1 ||
    { cat "$work/verify.log"; fail "systemd-analyze verify"; }
fi
# Every key of the shipped configuration is documented for `jixiao serve` in docs/deploy.md.
for key in listen data db tls-cert tls-key; do
  grep -qE "^#?$key = " "$work/root/etc/jixiao/jixiao.conf" || fail "jixiao.conf lacks $key"
  grep -qF "\`$key\`" "$src/docs/deploy.md" || fail "docs/deploy.md does not document $key"
done

# The unpacked package works where it lies (its /usr is $work/root/usr).
mkdir -p "$work/elsewhere" && cd "$work/elsewhere" || fail "cd"
cp -r "$work/root/usr/share/jixiao/docs/examples/mini-case" case
"$work/root/usr/bin/jixiao" score case --json >score.json || fail "packaged score exited $?"
grep -q '"total"' score.json || fail "no total"
"$work/root/usr/bin/jixiao" report case -o out --formats md,docx >/dev/null 2>&1 ||
  fail "packaged report failed"
[ -s out/report.docx ] || fail "no report.docx"
echo "deb ok: $(basename "$deb") $(stat -c %s "$deb") bytes; Depends: $depends"
