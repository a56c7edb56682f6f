#!/usr/bin/env bash
# The real-signers lab of RealSignersInteropTest and DnssecFuzzInteropTest: leaf zones signed by three signers
# nobody here wrote (BIND's dnssec-signzone, ldns-signzone, Knot's kzonesign), under a TLD "sig." and a root that
# BIND signs, served by real BIND, NSD and Knot in a private network namespace (loopback only) with a
# non-validating recursive BIND on 127.0.0.1 for delv (which validates itself).
#
# Input (written by the test): RUN/in/zones.list, one line per zone: ZONE SIGNER MODE SERVERS, and RUN/in/ZONE.zone
# (unsigned, with its SOA and NS; the NS names ns1.sig / ns2.sig / ns3.sig of the servers listed in SERVERS).
#   SIGNER  bind | ldns | knot | none (an unsigned child, served by BIND at 127.55.3.1, delegated by its parent's
#           own zone file, not by sig.)
#   MODE    tokens joined by "+": nsec | nsec3 | optout | iter500 | rollover (RSASHA256 and ECDSAP256SHA256 both sign
#           everything, the DS only for the RSA key) | keys (a standby key published but not signing, and a revoked
#           key) | stale2 (server 2, NSD, serves a copy whose signatures expired 10 days ago) | forge (a wildcard
#           expansion copied to "forged.wild.ZONE" with the wildcard's RRSIG and no NSEC proof: a forgery that real
#           servers then serve as an existing name) | forgedeny (NSEC only: the NS and glue of the unsigned
#           delegation kid.ZONE and the DNAME at dname.ZONE removed, their NSEC records kept, so real servers deny
#           www.kid.ZONE and a.dname.ZONE with a delegation-point NSEC and a DNAME-bit NSEC, which prove nothing
#           below them: RFC 6840 4.1, RFC 6672 5.3)
#   SERVERS 1,2,3: which of ns1.sig (BIND 127.55.2.1), ns2.sig (NSD .2.2), ns3.sig (Knot .2.3) serve it
# Output: RUN/root.key (the root's DNSKEY, for dnstracer --trust-anchor), RUN/root.delv (for delv -a),
# RUN/roots.hints, pid files RUN/*.pid (lab-down.sh stops them and deletes the namespace).
# Usage: signers-up.sh NAMESPACE RUN     (root; undo with interop/lab-down.sh NAMESPACE RUN)
set -euo pipefail
ns=$1 run=$2
in=$run/in keys=$run/keys served=$run/served
mkdir -p "$keys" "$served/bind" "$served/nsd" "$served/knot" "$served/kids"
in_ns() { timeout 20 ip netns exec "$ns" "$@"; }
stamp() { date -u -d "$1" +%Y%m%d%H%M%S; }
fresh_start=$(stamp '-1 hour') fresh_end=$(stamp '+30 days')
stale_start=$(stamp '-40 days') stale_end=$(stamp '-10 days')
addr() { echo "127.55.2.$1"; }

# sign_bind ZONE MODE IN OUT START END; each signer leaves the DS records for the parent in $keys/ds-ZONE
sign_bind() {
  local z=$1 mode=$2 src=$3 out=$4 start=$5 end=$6 kd=$keys/k-$1 opts=()
  if [ ! -d "$kd" ]; then
    mkdir -p "$kd"
    if [[ $mode == *rollover* ]]; then
      k=$(dnssec-keygen -q -K "$kd" -a RSASHA256 -b 2048 -f KSK -n ZONE "$z")
      dnssec-dsfromkey -2 "$kd/$k.key" > "$keys/ds-$z"
      dnssec-keygen -q -K "$kd" -a ECDSAP256SHA256 -f KSK -n ZONE "$z" >/dev/null
    else
      k=$(dnssec-keygen -q -K "$kd" -a ECDSAP256SHA256 -f KSK -n ZONE "$z")
      dnssec-dsfromkey -2 "$kd/$k.key" > "$keys/ds-$z"
    fi
    if [[ $mode == *keys* ]]; then
      dnssec-keygen -q -K "$kd" -a ECDSAP256SHA256 -f KSK -A none -n ZONE "$z" >/dev/null   # standby
      r=$(dnssec-keygen -q -K "$kd" -a ECDSAP256SHA256 -f KSK -n ZONE "$z")
      dnssec-revoke -K "$kd" "$r" >/dev/null   # the REVOKE bit (flags 385); the revoked key signs the DNSKEY RRset
    fi
  fi
  [[ $mode == *nsec3* ]] && opts+=(-3 - -H 0)
  [[ $mode == *optout* ]] && opts+=(-A)
  [ "$start" = "$stale_start" ] && opts+=(-P)
  dnssec-signzone -q -S -z -K "$kd" -d "$kd" -O full -o "$z" -f "$out" -s "$start" -e "$end" "${opts[@]}" "$src" \
    >/dev/null
}

sign_ldns() {
  local z=$1 mode=$2 src=$3 out=$4 kd=$keys/k-$1 opts=()
  mkdir -p "$kd"
  k=$(cd "$kd" && ldns-keygen -a ECDSAP256SHA256 -k "$z")
  dnssec-dsfromkey -2 "$kd/$k.key" > "$keys/ds-$z"
  if [[ $mode == *nsec3* ]]; then
    opts+=(-n -s '' -t 0)
    [[ $mode == *iter500* ]] && opts+=(-t 500)
    [[ $mode == *optout* ]] && opts+=(-p)
  fi
  ldns-signzone "${opts[@]}" -i "$fresh_start" -e "$fresh_end" -o "$z" -f "$out" "$src" "$kd/$k" 2>/dev/null
}

sign_knot() {
  local z=$1 mode=$2 src=$3 out=$4 kd=$keys/k-$1 nsec3=off optout=off
  mkdir -p "$kd/db" "$kd/out" "$kd/in"
  cp "$src" "$kd/in/$z.zone"
  [[ $mode == *nsec3* ]] && nsec3=on
  [[ $mode == *optout* ]] && optout=on
  cat > "$kd/knot.conf" <<EOF
server:
    rundir: "$kd/db"
database:
    storage: "$kd/db"
policy:
  - id: p
    algorithm: ecdsap256sha256
    single-type-signing: on
    nsec3: $nsec3
    nsec3-iterations: 0
    nsec3-salt-length: 0
    nsec3-opt-out: $optout
template:
  - id: default
    storage: "$kd/in"
    semantic-checks: off
zone:
  - domain: "$z"
    file: "$z.zone"
    dnssec-signing: on
    dnssec-policy: p
EOF
  timeout 60 kzonesign -c "$kd/knot.conf" -o "$kd/out" "$z" >/dev/null 2>&1
  cp "$kd/out/$z.zone" "$out"
  dnssec-dsfromkey -2 -f "$out" "$z" > "$keys/ds-$z"
}

# the forgery: the wildcard's A RRset and its RRSIG (labels field still that of *.wild) at forged.wild, a name
# that is not in the NSEC/NSEC3 chain; servers serve it as existing data, so no denial of "forged" comes with it
forge() {
  local z=$1 f=$2
  awk -v w="*.wild.$z." -v n="forged.wild.$z." '
    { print }
    $1 == w && ($4 == "A" || ($4 == "RRSIG" && $5 == "A")) { $1 = n; extra = extra $0 "\n" }
    END { printf "%s", extra }' "$f" > "$f.forged"
  mv "$f.forged" "$f"
}

# the forgeries of denial: a delegation-point NSEC and a DNAME-bit NSEC left to cover names below them
forge_denial() {
  local z=$1 f=$2
  awk -v kid="kid.$z." -v glue="ns.kid.$z." -v dn="dname.$z." '
    ($1 == kid && $4 == "NS") || $1 == glue { next }
    $1 == dn && ($4 == "DNAME" || ($4 == "RRSIG" && $5 == "DNAME")) { next }
    { print }' "$f" > "$f.forged"
  mv "$f.forged" "$f"
}

sig_zone=$run/sig.unsigned
{
  printf '$TTL 300\n@ SOA a.nic.sig. hostmaster.nic.sig. 1 3600 600 86400 300\n@ NS a.nic.sig.\n'
  printf 'a.nic A 127.55.1.1\nns1 A 127.55.2.1\nns2 A 127.55.2.2\nns3 A 127.55.2.3\n'
} > "$sig_zone"
bind_zones="" nsd_zones="" knot_zones="" kid_zones=""
while read -r z signer mode servers; do
  [ -z "$z" ] && continue
  src=$in/$z.zone
  if [ "$signer" = none ]; then
    cp "$src" "$served/kids/$z.zone"; kid_zones="$kid_zones $z"; continue
  fi
  out=$run/$z.signed
  case $signer in
    bind) sign_bind "$z" "$mode" "$src" "$out" "$fresh_start" "$fresh_end" ;;
    ldns) sign_ldns "$z" "$mode" "$src" "$out" ;;
    knot) sign_knot "$z" "$mode" "$src" "$out" ;;
  esac
  [[ $mode == *forge* && $mode != *forgedeny* ]] && forge "$z" "$out"
  [[ $mode == *forgedeny* ]] && forge_denial "$z" "$out"
  for s in ${servers//,/ }; do
    printf '%s NS ns%s.sig.\n' "$z." "$s" >> "$sig_zone"
  done
  grep -v '^;' "$keys/ds-$z" | awk '{ $1 = $1; print }' >> "$sig_zone"
  cp "$out" "$served/bind/$z.zone"; cp "$out" "$served/nsd/$z.zone"; cp "$out" "$served/knot/$z.zone"
  if [[ $mode == *stale2* ]]; then
    sign_bind "$z" "$mode" "$src" "$served/nsd/$z.zone" "$stale_start" "$stale_end"
  fi
  [[ $servers == *1* ]] && bind_zones="$bind_zones $z"
  [[ $servers == *2* ]] && nsd_zones="$nsd_zones $z"
  [[ $servers == *3* ]] && knot_zones="$knot_zones $z"
done < "$in/zones.list"

sign_bind sig nsec "$sig_zone" "$served/bind/sig.zone" "$fresh_start" "$fresh_end"
{
  printf '$TTL 300\n. SOA a.root-servers.net. hostmaster.root. 1 3600 600 86400 300\n. NS a.root-servers.net.\n'
  printf 'a.root-servers.net. A 127.55.0.1\nsig. NS a.nic.sig.\na.nic.sig. A 127.55.1.1\n'
  grep -v '^;' "$keys/ds-sig"
} > "$run/root.unsigned"
sign_bind . nsec "$run/root.unsigned" "$served/bind/root.zone" "$fresh_start" "$fresh_end"
k=$(basename "$(ls "$keys/k-."/K.+*.key | head -n 1)" .key)
grep -v '^;' "$keys/k-./$k.key" > "$run/root.key"
read -r _ _ _ flags proto alg pub <<<"$(grep -v '^;' "$keys/k-./$k.key")"   # NAME [TTL] IN DNSKEY ...
printf 'trust-anchors {\n  . static-key %s %s %s "%s";\n};\n' "$flags" "$proto" "$alg" "${pub// /}" > "$run/root.delv"
printf '. 3600000 NS a.root-servers.net.\na.root-servers.net. 3600000 A 127.55.0.1\n' > "$run/roots.hints"

# --- servers
ip netns add "$ns"
ip -n "$ns" link set lo up
for a in 127.55.0.1 127.55.1.1 127.55.2.1 127.55.2.2 127.55.2.3 127.55.3.1; do ip -n "$ns" addr add "$a/32" dev lo; done
mkdir -p "/etc/netns/$ns" "$run/named" "$run/knot"
echo "nameserver 127.0.0.1" > "/etc/netns/$ns/resolv.conf"
{
  cat <<EOF
options {
    directory "$run/named";
    pid-file "$run/named.pid";
    session-keyfile "$run/named/session.key";
    listen-on port 53 { 127.0.0.1; 127.55.0.1; 127.55.1.1; 127.55.2.1; 127.55.3.1; };
    listen-on-v6 { none; };
    recursion no;
    dnssec-validation no;
    notify no;
    minimal-responses no;
    allow-transfer { none; };
};
controls { };
logging {
    channel to_file { file "$run/named.log"; severity info; print-time yes; };
    category default { to_file; };
    category lame-servers { null; };
};
view "rec" {
    match-destinations { 127.0.0.1; };
    recursion yes;
    allow-recursion { 127.0.0.0/8; };
    allow-query-cache { 127.0.0.0/8; };
    qname-minimization off;
    zone "." { type hint; file "$run/roots.hints"; };
};
view "root" { match-destinations { 127.55.0.1; }; zone "." { type primary; file "$served/bind/root.zone"; }; };
view "sig" { match-destinations { 127.55.1.1; }; zone "sig" { type primary; file "$served/bind/sig.zone"; }; };
EOF
  printf 'view "leaf" {\n    match-destinations { 127.55.2.1; };\n'
  for z in $bind_zones; do printf '    zone "%s" { type primary; file "%s/bind/%s.zone"; };\n' "$z" "$served" "$z"; done
  printf '};\nview "kids" {\n    match-destinations { 127.55.3.1; };\n'
  for z in $kid_zones; do printf '    zone "%s" { type primary; file "%s/kids/%s.zone"; };\n' "$z" "$served" "$z"; done
  printf '};\n'
} > "$run/named.conf"
in_ns named -n 1 -c "$run/named.conf"
if [ -n "$nsd_zones" ]; then
  {
    printf 'server:\n    ip-address: 127.55.2.2\n    port: 53\n    username: ""\n    chroot: ""\n    database: ""\n'
    printf '    server-count: 1\n    zonesdir: "%s/nsd"\n    pidfile: "%s/nsd.pid"\n' "$served" "$run"
    printf '    zonelistfile: "%s/nsd.zonelist"\n    xfrdfile: "%s/nsd.xfrd"\n    xfrdir: "%s"\n' "$run" "$run" "$run"
    printf '    logfile: "%s/nsd.log"\nremote-control:\n    control-enable: no\n' "$run"
    for z in $nsd_zones; do printf 'zone:\n    name: "%s"\n    zonefile: "%s.zone"\n' "$z" "$z"; done
  } > "$run/nsd.conf"
  in_ns nsd -c "$run/nsd.conf"
fi
if [ -n "$knot_zones" ]; then
  {
    printf 'server:\n    rundir: "%s/knot"\n    pidfile: "%s/knot.pid"\n    listen: 127.55.2.3@53\n' "$run" "$run"
    printf '    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n'
    printf 'database:\n    storage: "%s/knot"\nlog:\n  - target: "%s/knot.log"\n    any: info\n' "$run" "$run"
    printf 'template:\n  - id: default\n    storage: "%s/knot"\n    zonefile-sync: -1\n' "$served"
    printf '    journal-content: none\n    semantic-checks: off\nzone:\n'
    for z in $knot_zones; do printf '  - domain: "%s"\n    file: "%s.zone"\n' "$z" "$z"; done
  } > "$run/knot.conf"
  in_ns knotd -d -c "$run/knot.conf"
fi

# ready when each server answers for one of its zones (at most ~20 s each)
ready() { in_ns dig +norec +time=1 +tries=1 "@$1" "$2" SOA 2>/dev/null | grep -q 'status: NOERROR'; }
targets="127.55.0.1/. 127.55.1.1/sig."
first() { echo "$1"; }
[ -n "$bind_zones" ] && targets="$targets 127.55.2.1/$(first $bind_zones)"
[ -n "$nsd_zones" ] && targets="$targets 127.55.2.2/$(first $nsd_zones)"
[ -n "$knot_zones" ] && targets="$targets 127.55.2.3/$(first $knot_zones)"
for target in $targets; do
  for try in $(seq 1 40); do
    ready "${target%%/*}" "${target#*/}" && continue 2
    sleep 0.5
  done
  echo "signers-up: ${target%%/*} does not answer for ${target#*/}; logs in $run" >&2
  exit 1
done
echo "signers-up: namespace $ns ready, state in $run"
