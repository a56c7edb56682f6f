#!/usr/bin/env bash
# Signs the DNSSEC part of the interop lab with BIND's dnssec-keygen / dnssec-signzone, into RUNDIR/signed
# (fresh keys every start, validity windows around now, so nothing ever expires by itself):
#   .               signed (RSASHA256); its DNSKEY is the trust anchor: RUNDIR/signed/root.key (zone-file
#                   format, for dnstracer --trust-anchor and drill -k) and root.delv (trust-anchors, for delv -a)
#   sec             signed (ECDSAP256SHA256), DS in the root
#   ok.sec          signed (ED25519), DS in sec: secure
#   expired.sec     signed with a window that ended 10 days ago: bogus
#   dsmismatch.sec  signed, but sec holds the DS of another key the zone does not publish: bogus
#   unsigned.sec    not signed, no DS (NSEC proof in sec): insecure
#   mixed.sec       signed; BIND and Knot serve it fresh, NSD serves a copy whose signatures expired
# Every other zone stays as it is: without DO, answers from the signed root are what they were.
# Usage: sign-zones.sh RUNDIR
set -euo pipefail
run=$1
zones=$(cd "$(dirname "$0")" && pwd)/zones
out=$run/signed keys=$run/keys
mkdir -p "$out" "$keys"
now_minus() { date -u -d "-$1" +%Y%m%d%H%M%S; }
fresh=(-s "$(now_minus '1 hour')" -e +2592000)
stale=(-P -s "$(now_minus '40 days')" -e "$(now_minus '10 days')")   # -P: no verification of an expired zone

# key ZONE ALG DIR: one combined key (KSK flag, signs everything with -z) in DIR; prints its file base
key() { mkdir -p "$3"; dnssec-keygen -q -K "$3" -a "$2" -f KSK -n ZONE "$1"; }
# sign ZONE KEYDIR INFILE OUTFILE WINDOW...
# -d: the dsset- files it leaves go with the keys, not into the current directory
sign() { local z=$1 k=$2 in=$3 o=$4; shift 4; dnssec-signzone -q -S -z -K "$k" -d "$k" -o "$z" -f "$o" "$@" "$in" >/dev/null; }
ds() { dnssec-dsfromkey -2 "$1.key"; }

cp "$zones/sec.zone" "$out/sec.unsigned"
for z in ok expired dsmismatch mixed; do
  alg=ECDSAP256SHA256; [ $z = ok ] && alg=ED25519
  k=$(key "$z.sec" $alg "$keys/$z.sec")
  case $z in
    expired) sign "$z.sec" "$keys/$z.sec" "$zones/$z.sec.zone" "$out/$z.sec.zone" "${stale[@]}" ;;
    *)       sign "$z.sec" "$keys/$z.sec" "$zones/$z.sec.zone" "$out/$z.sec.zone" "${fresh[@]}" ;;
  esac
  if [ $z = dsmismatch ]; then
    other=$(key "$z.sec" $alg "$keys/$z.sec-unused")
    ds "$keys/$z.sec-unused/$other" >> "$out/sec.unsigned"
  else
    ds "$keys/$z.sec/$k" >> "$out/sec.unsigned"
  fi
done
sign mixed.sec "$keys/mixed.sec" "$zones/mixed.sec.zone" "$out/mixed.sec.expired.zone" "${stale[@]}"
cp "$zones/unsigned.sec.zone" "$out/unsigned.sec.zone"

k=$(key sec ECDSAP256SHA256 "$keys/sec")
sign sec "$keys/sec" "$out/sec.unsigned" "$out/sec.zone" "${fresh[@]}"

cp "$zones/root.zone" "$out/root.unsigned"
ds "$keys/sec/$k" >> "$out/root.unsigned"
k=$(key . RSASHA256 "$keys/root")
sign . "$keys/root" "$out/root.unsigned" "$out/root.zone" "${fresh[@]}"

grep -v '^;' "$keys/root/$k.key" > "$out/root.key"
read -r _ _ _ flags proto alg pub <<<"$(grep -v '^;' "$keys/root/$k.key")"   # NAME IN DNSKEY ...
printf 'trust-anchors {\n  . static-key %s %s %s "%s";\n};\n' "$flags" "$proto" "$alg" "${pub// /}" > "$out/root.delv"
