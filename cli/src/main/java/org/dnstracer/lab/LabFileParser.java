package org.dnstracer.lab;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads a lab file ({@code lab.conf}): one {@code server} line per server, {@code #} starts a comment.
 *
 * <pre>
 * server NAME ADDR[,ADDR...] [zones=ZONE[:FILE][,...]] [axfr=ZONE[,...]] [BEHAVIOUR...]
 * sign ZONE [algorithm=N] [nsec|nsec3] [expired] [ds-mismatch] [expired-on=SERVER[,...]]
 * </pre>
 *
 * The format is documented for users in {@code src/main/resources/lab/default/README.md}.
 */
final class LabFileParser {
    /** A zone a server line asks for, and the file holding it. */
    record ZoneRef(Name origin, String file) {}

    /** One parsed server line, zones not loaded yet. */
    record ServerLine(int line, Name name, List<InetAddress> addresses, List<ZoneRef> zones, Set<Name> axfr, Behaviour behaviour) {}

    private static final String QUIRK_WORDS =
            String.join(" ", java.util.Arrays.stream(Quirk.values()).map(Quirk::word).toList());

    private final String file;
    private final java.util.Map<Name, SigningSpec> signing = new java.util.LinkedHashMap<>();

    LabFileParser(String file) {
        this.file = file;
    }

    /** The {@code sign} lines read by {@link #parse}, by zone. */
    java.util.Map<Name, SigningSpec> signing() {
        return signing;
    }

    List<ServerLine> parse(String text) throws LabException {
        List<ServerLine> servers = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].equalsIgnoreCase("sign")) {
                parseSign(i + 1, words);
                continue;
            }
            servers.add(parseLine(i + 1, words));
        }
        if (servers.isEmpty()) {
            throw LabException.at(file, 0, "no server lines: a lab needs at least one 'server NAME ADDRESS zones=...' line");
        }
        return servers;
    }

    private ServerLine parseLine(int lineNo, String[] words) throws LabException {
        if (!words[0].equalsIgnoreCase("server")) {
            throw LabException.at(file, lineNo, "unknown directive '" + words[0] + "' (expected 'server NAME ADDRESS[,ADDRESS] zones=...')");
        }
        if (words.length < 3) {
            throw LabException.at(file, lineNo, "a server line needs a name and an address: server NAME ADDRESS[,ADDRESS] zones=...");
        }
        Name name = name(lineNo, words[1], "server name");
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : words[2].split(",", -1)) {
            addresses.add(loopbackAddress(lineNo, a));
        }
        List<ZoneRef> zones = new ArrayList<>();
        Set<Name> axfr = new LinkedHashSet<>();
        Behaviour behaviour = Behaviour.normal();
        for (int w = 3; w < words.length; w++) {
            String word = words[w];
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.startsWith("zones=")) {
                for (String z : list(lineNo, word)) {
                    int colon = z.indexOf(':');
                    Name origin = name(lineNo, colon < 0 ? z : z.substring(0, colon), "zone");
                    String zoneFile = colon < 0 ? LabNames.defaultZoneFile(origin) : z.substring(colon + 1);
                    zones.add(new ZoneRef(origin, checkedFileName(lineNo, zoneFile)));
                }
            } else if (lower.startsWith("axfr=")) {
                for (String z : list(lineNo, word)) {
                    axfr.add(name(lineNo, z, "axfr zone"));
                }
            } else {
                try {
                    behaviour = behaviour.with(word);
                } catch (IllegalArgumentException e) {
                    throw LabException.at(file, lineNo, e.getMessage()
                            + " (known: zones= axfr= delay=Nms loss=P seed=N refuse servfail notauth upward-referral unrelated-referral silent truncate no-tcp"
                            + " wrong-id-first " + QUIRK_WORDS + ")");
                }
            }
        }
        for (Name z : axfr) {
            if (zones.stream().noneMatch(ref -> ref.origin().equals(z))) {
                throw LabException.at(file, lineNo, "axfr=" + LabNames.display(z) + " names a zone this server does not serve");
            }
        }
        return new ServerLine(lineNo, name, addresses, zones, axfr, behaviour);
    }

    private void parseSign(int lineNo, String[] words) throws LabException {
        if (words.length < 2) {
            throw LabException.at(file, lineNo, "a sign line needs a zone: sign ZONE [algorithm=N] [nsec3] ...");
        }
        Name zone = name(lineNo, words[1], "zone");
        if (signing.containsKey(zone)) {
            throw LabException.at(file, lineNo, "zone " + LabNames.display(zone) + " is signed twice");
        }
        try {
            signing.put(zone, SigningSpec.parse(zone, java.util.Arrays.copyOfRange(words, 2, words.length)));
        } catch (IllegalArgumentException e) {
            throw LabException.at(file, lineNo, e.getMessage());
        }
    }

    private List<String> list(int lineNo, String word) throws LabException {
        String value = word.substring(word.indexOf('=') + 1);
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            if (item.isEmpty()) {
                throw LabException.at(file, lineNo, "empty item in '" + word + "'");
            }
            items.add(item);
        }
        return items;
    }

    private Name name(int lineNo, String text, String what) throws LabException {
        try {
            return LabNames.parse(text);
        } catch (TextParseException e) {
            throw LabException.at(file, lineNo, "bad " + what + " '" + text + "': " + e.getMessage());
        }
    }

    private InetAddress loopbackAddress(int lineNo, String text) throws LabException {
        Optional<InetAddress> parsed = IpAddresses.parseLiteral(text);
        if (parsed.isEmpty()) {
            throw LabException.at(file, lineNo, "'" + text + "' is not an IP address (host names are not resolved here)");
        }
        if (!parsed.get().isLoopbackAddress()) {
            throw LabException.at(file, lineNo, LabAddresses.notLoopbackMessage(parsed.get()));
        }
        return parsed.get();
    }

    private String checkedFileName(int lineNo, String zoneFile) throws LabException {
        if (zoneFile.isEmpty() || zoneFile.startsWith("/") || zoneFile.contains("\\")
                || List.of(zoneFile.split("/")).contains("..")) {
            throw LabException.at(file, lineNo, "zone file '" + zoneFile + "' must be a plain name inside the lab directory");
        }
        return zoneFile;
    }
}
