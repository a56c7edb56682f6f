package org.dnstracer.lab;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Zone;

/**
 * Signs the zones a lab's {@code sign} lines name, once per lab start, with validity windows around that moment so a
 * scenario never expires: valid signatures run from the day before to 30 days after, expired ones ended at midnight
 * UTC the day before (so the date a validator reports is predictable), not yet valid ones start at midnight UTC
 * the day after.
 *
 * @param perServer by server name: the signed copy of each signed zone it serves
 * @param trustAnchors DS records of each signed zone without a signed parent in the lab (the root's, in the built-in
 *     lab): what a validator of this lab starts from
 */
record LabSigning(Map<Name, Map<Name, SignedZone>> perServer, List<Record> trustAnchors) {
    static final LabSigning NONE = new LabSigning(Map.of(), List.of());
    static final long DS_TTL = 86400;

    static LabSigning of(LabDefinition def, Instant now) {
        Map<Name, SigningSpec> specs = def.signing();
        if (specs.isEmpty()) {
            return NONE;
        }
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        ZoneSigner.Window valid = new ZoneSigner.Window(midnight.minus(Duration.ofDays(1)), midnight.plus(Duration.ofDays(31)));
        ZoneSigner.Window expired = new ZoneSigner.Window(midnight.minus(Duration.ofDays(31)), midnight.minus(Duration.ofDays(1)));
        ZoneSigner.Window future = new ZoneSigner.Window(midnight.plus(Duration.ofDays(1)), midnight.plus(Duration.ofDays(31)));
        Map<Name, List<DSRecord>> ds = new HashMap<>();
        List<Record> anchors = new ArrayList<>();
        for (SigningSpec spec : specs.values()) {
            ZoneKey key = ZoneKey.of(spec.zone(), spec.algorithm(), "zone");
            ZoneKey published = spec.dsMismatch() ? ZoneKey.of(spec.zone(), spec.algorithm(), "decoy") : key;
            DSRecord record = new DSRecord(spec.zone(), DClass.IN, DS_TTL, DSRecord.SHA256_DIGEST_ID, published.dnskey());
            ds.put(spec.zone(), List.of(record));
            if (!hasSignedParent(spec.zone(), specs)) {
                anchors.add(new DSRecord(spec.zone(), DClass.IN, DS_TTL, DSRecord.SHA256_DIGEST_ID, key.dnskey()));
            }
        }
        // servers serving the same file share one Zone object, and so one signed copy per window
        Map<Zone, SignedZone> signedValid = new IdentityHashMap<>();
        Map<Zone, SignedZone> signedExpired = new IdentityHashMap<>();
        Map<Zone, SignedZone> signedFuture = new IdentityHashMap<>();
        Map<Name, Map<Name, SignedZone>> perServer = new LinkedHashMap<>();
        for (ServerDefinition server : def.servers()) {
            Map<Name, SignedZone> mine = new LinkedHashMap<>();
            for (Zone zone : server.zones()) {
                SigningSpec spec = specs.get(zone.getOrigin());
                if (spec == null) {
                    continue;
                }
                boolean old = spec.expiredOn(server.name());
                ZoneSigner.Window window = old ? expired : spec.notYetValid() ? future : valid;
                ZoneSigner signer = new ZoneSigner(ZoneKey.of(spec.zone(), spec.algorithm(), "zone"), window,
                        spec.nsec3());
                mine.put(zone.getOrigin(), (old ? signedExpired : spec.notYetValid() ? signedFuture : signedValid)
                        .computeIfAbsent(zone, z -> signer.sign(z, ds)));
            }
            if (!mine.isEmpty()) {
                perServer.put(server.name(), Map.copyOf(mine));
            }
        }
        return new LabSigning(Map.copyOf(perServer), List.copyOf(anchors));
    }

    Map<Name, SignedZone> of(Name server) {
        return perServer.getOrDefault(server, Map.of());
    }

    private static boolean hasSignedParent(Name zone, Map<Name, SigningSpec> specs) {
        for (int skip = 1; skip <= zone.labels() - 1; skip++) {
            Name up = skip == zone.labels() - 1 ? Name.root : new Name(zone, skip);
            if (specs.containsKey(up)) {
                return true;
            }
        }
        return false;
    }
}
