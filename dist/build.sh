#!/usr/bin/env bash
# Builds the self-contained archive and the Debian package of dnstracer for Linux x86-64 from the cli module's
# products (the shaded jar, the man page, the bash completion). Run by Maven (dist/pom.xml, package phase):
#
#   dist/build.sh archive VERSION CLI_TARGET OUT JAVA_HOME   # OUT/dnstracer-VERSION-linux-x64.tar.gz
#   dist/build.sh deb     VERSION CLI_TARGET OUT             # OUT/dnstracer_DEBVERSION_amd64.deb, from the archive's tree
#
# archive: jdeps lists the JDK modules the jar uses, jlink (of JAVA_HOME, the build's JDK) makes a trimmed runtime of
# them, and a training run (org.dnstracer.cli.TrainingRun, traces of the built-in lab on loopback) gives the classes
# a trace loads, which go into a class-data archive (static AppCDS: the JDK's classes and the tool's, parsed and
# verified; an AOT cache when JAVA_HOME is a JDK 25 or later) so that the first run starts as fast as later ones.
set -euo pipefail

mode=$1 version=$2 cli=$3 out=$4
name=dnstracer-$version-linux-x64
image=$out/image/$name
log() { printf 'dist: %s\n' "$*" >&2; }

archive() {
  local jdk=$1 feature modules
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
  rm -rf "$out/image" "$out/$name.tar.gz"
  mkdir -p "$image/bin" "$image/lib" "$image/share/man/man1" "$image/share/bash-completion/completions"

  # jdeps sees what the bytecode names (--list-deps: every module, as java.desktop's removal below must not take
  # java.xml, which it requires, with it), not what is looked up at run time. Added: jdk.crypto.ec, the provider of
  # the EC and EdDSA keys of DNSSEC (-D fails with "EC KeyPairGenerator not available" without it). Left out:
  # java.desktop, named only by ELK's comment attachment (org.eclipse.elk.core.comments, java.awt.geom), which the
  # report's layout never runs (the archive's test draws an --html report); it would add 12 MB, and X11 libraries
  # to the package's dependencies. Lines naming a package ("JDK removed internal API/...") are not modules.
  modules=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --list-deps "$cli/dnstracer.jar" \
    | sed -n 's/^ *\([a-z][a-z0-9.]*\)$/\1/p')
  modules=$(printf '%s\njdk.crypto.ec\n' "$modules" | grep -vx java.desktop | sort -u | paste -sd, -)
  log "runtime of JDK $feature with $modules"
  local compress=2
  if [ "$feature" -ge 21 ]; then compress=zip-6; fi
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress="$compress" --output "$image/runtime"

  cp -p "$cli/dnstracer.jar" "$image/lib/dnstracer.jar"
  install -m 755 "$(dirname "$0")/src/main/sh/dnstracer" "$image/bin/dnstracer"
  gzip -9nc "$cli/man/dnstracer.1" >"$image/share/man/man1/dnstracer.1.gz"
  install -m 644 "$cli/dnstracer_completion" "$image/share/bash-completion/completions/dnstracer"

  # Start-up: on JDK 25 and later an AOT cache (JEP 483/514/515: classes parsed, linked, with their lambdas and
  # method profiles), made in one step by the training run; on JDK 17 to 24 a static class-data archive of the
  # training run's class list. The latter is made with the jar as /proc/self/fd/9, the path the launcher gives it
  # (see bin/dnstracer); the training itself runs with the jar's real path, as it starts the lab in a second JVM
  # with the same class path.
  local java=$image/runtime/bin/java opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
  local train=(-XX:CompileThresholdScaling=10 -cp "$image/lib/dnstracer.jar" org.dnstracer.cli.TrainingRun)
  local list=$out/image/classes.lst made
  if [ "$feature" -ge 25 ]; then
    made=$image/lib/dnstracer.aot
    # (the JVM that writes the cache, started by the first, says what it was given)
    "$java" "${opts[@]}" -XX:AOTCacheOutput="$made" -Xlog:aot=off,cds=off "${train[@]}" </dev/null >/dev/null \
      2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2) && [ -s "$made" ] || made=
    rm -f "$image/lib/dnstracer.aot.config"
  else
    made=$image/lib/dnstracer.jsa
    "$java" "${opts[@]}" -Xshare:off -XX:DumpLoadedClassList="$list" "${train[@]}" </dev/null >/dev/null \
      && (exec 9<"$image/lib/dnstracer.jar" && "$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$list" \
        -XX:SharedArchiveFile="$made" -Xlog:cds=off -cp /proc/self/fd/9 >/dev/null) || made=
    rm -f "$list"
  fi
  if [ -n "$made" ]; then
    log "start-up: ${made##*/}, $(du -k "$made" | cut -f1) KB"
  else
    log "warning: no class-data archive or AOT cache (the training run failed): the tool will start slower"
    rm -f "$image/lib/dnstracer.jsa" "$image/lib/dnstracer.aot"
  fi

  # the file order and owners fixed, no time stamp in the gzip header; files keep their times (the archive
  # compares the jar's)
  (cd "$out/image" && tar --sort=name --owner=0 --group=0 --numeric-owner -cf - "$name") | gzip -6n >"$out/$name.tar.gz"
  log "$out/$name.tar.gz: $(du -k "$out/$name.tar.gz" | cut -f1) KB"
}

deb() {
  # Debian's version order: 2.0.0~SNAPSHOT comes before 2.0.0
  local debversion=${version//-/\~} root=$out/deb-root here
  here=$(cd "$(dirname "$0")" && pwd)
  local file=$out/dnstracer_${debversion}_amd64.deb
  rm -rf "$root" "$out"/dnstracer_*_amd64.deb
  if [ ! -d "$image" ]; then log "error: no $image: the archive step makes it"; return 1; fi
  mkdir -p "$root/opt" "$root/DEBIAN" "$root/usr/share/doc/dnstracer-java"
  cp -a "$image" "$root/opt/dnstracer"
  install -m 644 "$here/src/deb/copyright" "$root/usr/share/doc/dnstracer-java/copyright"
  for script in preinst postinst prerm postrm; do
    install -m 755 "$here/src/deb/$script" "$root/DEBIAN/$script"
  done

  # the shared libraries the runtime's programs and libraries need, as Debian packages with their versions
  local depends work=$out/deb-shlibs elfs
  rm -rf "$work" && mkdir -p "$work/debian"
  printf 'Source: dnstracer-java\n\nPackage: dnstracer-java\nArchitecture: amd64\n' >"$work/debian/control"
  mapfile -t elfs < <(find "$root/opt/dnstracer/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) | sort)
  depends=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info \
    -l"$root/opt/dnstracer/runtime/lib" -l"$root/opt/dnstracer/runtime/lib/server" "${elfs[@]}" 2>/dev/null \
    | sed -n 's/^shlibs:Depends=//p')
  rm -rf "$work"
  if [ -z "$depends" ]; then log "error: dpkg-shlibdeps found no dependencies"; return 1; fi

  sed -e "s/@VERSION@/$debversion/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$here/src/deb/control" >"$root/DEBIAN/control"
  # SOURCE_DATE_EPOCH would make dpkg-deb clamp the files' times, and the class-data archive compares the jar's
  (unset SOURCE_DATE_EPOCH && dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$file" >/dev/null)
  rm -rf "$root"
  log "$file: $(du -k "$file" | cut -f1) KB, Depends: $depends"
}

case $mode in
  archive) archive "$5" ;;
  deb) deb ;;
  *) echo "usage: $0 archive|deb VERSION CLI_TARGET OUT [JAVA_HOME]" >&2; exit 2 ;;
esac
