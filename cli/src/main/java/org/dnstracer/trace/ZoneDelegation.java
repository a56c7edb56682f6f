package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dnstracer.model.Names;
import org.dnstracer.model.Status;
import org.dnstracer.model.Verdict;
import org.xbill.DNS.Name;

/**
 * Zone mode's say in the delegation of the one zone it checks ({@code --zone}): the servers the user gave instead
 * of the parent's referral ({@code --ns}, pre-delegation testing), and the names of the child's own NS set, which
 * are followed as well so that every server of the zone is asked, not only those the parent lists.
 *
 * @param zone the zone checked
 * @param given the delegation given with {@code --ns} (names, and addresses as glue), or null to use the parent's
 * @param childNameServers the child's NS set as its servers gave it (may be empty)
 * @param childAddresses addresses the zone's servers gave for names of its NS set inside it: the only source for
 *     a name the parent holds no glue for, as in a zone not yet delegated
 */
public record ZoneDelegation(Name zone, Delegation given, List<Name> childNameServers,
        Map<Name, List<InetAddress>> childAddresses) {
    /** How the verdict detail of a parent's reply replaced by the {@code --ns} servers begins; their names follow. */
    public static final String GIVEN = "delegation given by --ns";
    /** The verdict detail of a parent's referral followed together with the child's NS set. */
    public static final String CHILD_ADDED = "and the child's NS set";

    public ZoneDelegation {
        Objects.requireNonNull(zone, "zone");
        childNameServers = List.copyOf(childNameServers);
        childAddresses = Map.copyOf(childAddresses);
    }

    /** Zone mode before the child's NS set is known. */
    public ZoneDelegation(Name zone, Delegation given) {
        this(zone, given, List.of(), Map.of());
    }

    /** This zone's delegation, with the child's NS set learned, and the addresses of its names inside the zone. */
    public ZoneDelegation withChildNameServers(List<Name> names, Map<Name, List<InetAddress>> addresses) {
        return new ZoneDelegation(zone, given, names, addresses);
    }

    /** True when {@code verdict} is a reply whose delegation the user's {@code --ns} servers stand in for. */
    boolean replaces(Verdict verdict, Name askedZone, Name qname) {
        if (given == null || !qname.subdomain(zone)) {
            return false;
        }
        // a server of this zone itself is judged as any; only a server above it (or a start server) was the parent
        if (askedZone != null && (!zone.subdomain(askedZone) || zone.equals(askedZone))) {
            return false;
        }
        return switch (verdict.status()) {
            // what the parent says in place of a referral: the name exists in its zone, or not at all
            case AUTHORITATIVE_ANSWER, AUTHORITATIVE_NXDOMAIN, AUTHORITATIVE_NODATA, ANSWER, NXDOMAIN, NODATA -> true;
            // a referral to a zone between the parent and this one is followed: the deeper parent is replaced
            case REFERRAL -> verdict.referralZone() == null || verdict.referralZone().subdomain(zone);
            // a parent that is lame, silent or broken stays so: the user overrode its data, not its faults
            default -> false;
        };
    }

    /** The verdict of a replaced reply: a referral to this zone, marked as the user's, with the names given. */
    Verdict givenVerdict() {
        return new Verdict(Status.REFERRAL, null, zone, GIVEN + ": "
                + String.join(", ", given.nameServers().stream().map(Names::display).toList()));
    }

    /** True for the verdict of a parent's reply that {@code --ns} replaced. */
    public static boolean isGiven(Verdict verdict) {
        return verdict.detail() != null && verdict.detail().startsWith(GIVEN + ": ");
    }

    /** True when {@code server} (as shown) is one of the names the user gave in {@code verdict}'s delegation. */
    public static boolean givenByUser(Verdict verdict, String server) {
        return isGiven(verdict) && List.of(verdict.detail().substring(GIVEN.length() + 2).split(", ")).contains(server);
    }

    /** True when {@code verdict} is the parent's own referral to this zone (not the start resolver's discovery). */
    boolean extendsReferral(Verdict verdict, Name askedZone) {
        return given == null && verdict.delegates() && !verdict.viaResolver() && zone.equals(verdict.referralZone())
                && !zone.equals(askedZone);
    }

    /** {@code base}'s name servers, then those of the child's NS set it lacks (their addresses are looked up). */
    Delegation followed(Delegation base) {
        List<Name> names = new ArrayList<>(base.nameServers());
        for (Name ns : childNameServers) {
            if (!names.contains(ns)) {
                names.add(ns);
            }
        }
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>(base.glue());
        for (Name ns : names) {
            // only for a name with no glue of its own: what the parent (or the user) gave comes first
            if (!glue.containsKey(ns) && childAddresses.containsKey(ns)) {
                glue.put(ns, childAddresses.get(ns));
            }
        }
        return new Delegation(zone, names, glue);
    }

    /** True when the child's NS set names a server {@code base} does not. */
    boolean adds(Delegation base) {
        return childNameServers.stream().anyMatch(ns -> !base.nameServers().contains(ns));
    }

    /** The verdict of the parent's referral followed with the child's NS set too: said on its line. */
    Verdict extendedVerdict(Verdict parents) {
        return new Verdict(parents.status(), parents.lameReason(), zone, CHILD_ADDED, false);
    }
}
