package org.dnstracer.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random small zone for the differential fuzz test (its content from a seeded RNG): A and TXT records, wildcards,
 * deep names (so empty non-terminals), CNAMEs to existing and missing names (inside and in the next zone), DNAMEs
 * and unsigned delegations; signed with NSEC, NSEC3 or NSEC3 opt-out by dnssec-signzone. It knows what each answer
 * is by construction ({@link #classify}), so a difference with delv is named by the case it hits.
 */
final class FuzzZone {
    private static final String[] LABELS = {"a", "b", "c", "www", "x", "mail"};
    private static final String[] MODES = {"nsec", "nsec3", "nsec3+optout"};

    final String name;
    final String mode;
    /** relative owner name ("" the apex) to its records' types and zone-file lines */
    private final Map<String, Set<String>> types = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Set<String> delegations = new TreeSet<>();
    private final Set<String> dnames = new TreeSet<>();
    private final Map<String, String> cnameTargets = new LinkedHashMap<>();

    FuzzZone(String name, String next, Random rnd) {
        this.name = name;
        this.mode = MODES[rnd.nextInt(MODES.length)];
        int nodes = 4 + rnd.nextInt(8);
        for (int i = 0; i < nodes; i++) {
            String owner = randomName(rnd, 1 + rnd.nextInt(3));
            if (occupied(owner)) {
                continue;
            }
            switch (rnd.nextInt(9)) {
                case 0, 1, 2 -> add(owner, "A", "192.0.2." + (1 + rnd.nextInt(250)));
                case 3 -> add(owner, "TXT", "\"t" + i + "\"");
                case 4 -> {
                    String wild = "*." + (rnd.nextBoolean() ? "w" + i : owner);
                    if (!occupied(wild)) {
                        add(wild, "A", "192.0.2.200");
                    }
                }
                case 5 -> {
                    String target = switch (rnd.nextInt(3)) {
                        case 0 -> "missing" + i + "." + name + ".";
                        case 1 -> "missing" + i + "." + next + ".";
                        default -> existingTarget(rnd);
                    };
                    add(owner, "CNAME", target);
                    cnameTargets.put(owner, target);
                }
                case 6 -> {
                    if (noNamesBelow(owner)) {
                        add(owner, "DNAME", "dt" + i + "." + name + ".");
                        add("www.dt" + i, "A", "192.0.2.7");
                        dnames.add(owner);
                    }
                }
                case 7 -> {
                    if (noNamesBelow(owner)) {
                        add(owner, "NS", "ns." + owner + "." + name + ".");
                        lines.add("ns." + owner + " A 127.55.3.1");
                        delegations.add(owner);
                    }
                }
                default -> {
                    add(owner, "A", "192.0.2.9");
                    add(owner, "TXT", "\"both\"");
                }
            }
        }
        if (types.isEmpty()) {
            add("www", "A", "192.0.2.1");
        }
    }

    private String randomName(Random rnd, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            sb.append(d == 0 ? "" : ".").append(LABELS[rnd.nextInt(LABELS.length)]);
        }
        return sb.toString();
    }

    private String existingTarget(Random rnd) {
        List<String> plain = types.entrySet().stream().filter(e -> e.getValue().contains("A")
                && !e.getKey().startsWith("*")).map(Map.Entry::getKey).toList();
        return (plain.isEmpty() ? "missing." + name : plain.get(rnd.nextInt(plain.size())) + "." + name) + ".";
    }

    /** The owner already has data, or it is at or below a delegation, a DNAME or a CNAME (nothing may go there). */
    private boolean occupied(String owner) {
        if (types.containsKey(owner)) {
            return true;
        }
        for (String cut : cuts()) {
            if (owner.equals(cut) || owner.endsWith("." + cut)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> cuts() {
        Set<String> cuts = new TreeSet<>(delegations);
        cuts.addAll(dnames);
        return cuts;
    }

    private boolean noNamesBelow(String owner) {
        return types.keySet().stream().noneMatch(n -> n.endsWith("." + owner));
    }

    private void add(String owner, String type, String data) {
        types.computeIfAbsent(owner, k -> new TreeSet<>()).add(type);
        lines.add(owner + " " + type + " " + data);
    }

    String listLine() {
        return name + " bind " + mode + " 1";
    }

    String zoneFile() {
        StringBuilder sb = new StringBuilder("$TTL 300\n@ SOA ns1.sig. hostmaster." + name + ". 1 3600 600 86400 300\n"
                + "@ NS ns1.sig.\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** The unsigned child zones of the delegations, served by BIND's "kids" view: (zone name, zone file). */
    Map<String, String> kids() {
        Map<String, String> kids = new LinkedHashMap<>();
        for (String d : delegations) {
            String z = d + "." + name;
            kids.put(z, SignerZones.kid(z));
        }
        return kids;
    }

    /** A random question: about existing names, below wildcards, DNAMEs and delegations, ENTs, or missing names. */
    SignedQuestion question(Random rnd) {
        List<String> owners = new ArrayList<>(types.keySet());
        String owner = owners.get(rnd.nextInt(owners.size()));
        String rel = switch (rnd.nextInt(5)) {
            case 0 -> owner;
            case 1 -> LABELS[rnd.nextInt(LABELS.length)] + "." + owner;          // below: wildcard, cut, or missing
            case 2 -> owner.contains(".") ? owner.substring(owner.indexOf('.') + 1) : owner;  // maybe an ENT
            case 3 -> randomName(rnd, 1 + rnd.nextInt(2));
            default -> "nx" + rnd.nextInt(100);
        };
        rel = rel.replace("*", "q" + rnd.nextInt(10));
        String type = new String[] {"A", "A", "AAAA", "TXT"}[rnd.nextInt(4)];
        return new SignedQuestion(rel + "." + name, type, classify(rel, type), name, "bind", mode);
    }

    /** What the zone's answer to (rel, type) is, by construction (RFC 4035 3.1.3, 5155 7.2, 6672, 4592). */
    QuestionKind classify(String rel, String type) {
        for (String d : delegations) {
            if (rel.equals(d) || rel.endsWith("." + d)) {
                return QuestionKind.UNSIGNED_DELEGATION;
            }
        }
        for (String d : dnames) {
            if (rel.endsWith("." + d)) {
                return QuestionKind.DNAME;
            }
        }
        if (types.containsKey(rel)) {
            Set<String> here = types.get(rel);
            if (here.contains("CNAME")) {
                String target = cnameTargets.get(rel);
                if (target.startsWith("missing")) {
                    return target.endsWith("." + name + ".") ? QuestionKind.CNAME_TO_MISSING_INSIDE
                            : QuestionKind.CNAME_TO_MISSING_ACROSS;
                }
                return QuestionKind.CNAME;
            }
            return here.contains(type) ? QuestionKind.ANSWER : QuestionKind.NODATA;
        }
        if (types.keySet().stream().anyMatch(n -> n.endsWith("." + rel))) {
            return QuestionKind.EMPTY_NON_TERMINAL;
        }
        // the closest encloser: the longest existing (or empty non-terminal) ancestor; its wildcard, if any, answers
        String encloser = rel;
        while (encloser.contains(".")) {
            encloser = encloser.substring(encloser.indexOf('.') + 1);
            String e = encloser;
            if (types.containsKey(e) || types.keySet().stream().anyMatch(n -> n.endsWith("." + e))) {
                break;
            }
            if (!encloser.contains(".")) {
                encloser = "";
                break;
            }
        }
        if (!rel.contains(".")) {
            encloser = "";
        }
        String wild = encloser.isEmpty() ? "*" : "*." + encloser;
        if (types.containsKey(wild)) {
            return types.get(wild).contains(type) ? QuestionKind.WILDCARD : QuestionKind.WILDCARD_NODATA;
        }
        return QuestionKind.NXDOMAIN;
    }
}
