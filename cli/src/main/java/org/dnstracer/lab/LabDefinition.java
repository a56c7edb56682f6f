package org.dnstracer.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Zone;

/**
 * Immutable description of a lab: its servers, the zones each serves and how each behaves. {@link Lab#start} turns
 * it into listening sockets.
 */
public final class LabDefinition {
    /** The lab file every lab directory has. */
    public static final String LAB_FILE = "lab.conf";

    private static final String BUILT_IN = "lab/default";

    private final List<ServerDefinition> servers;
    private final Map<Name, SigningSpec> signing;

    private LabDefinition(List<ServerDefinition> servers, Map<Name, SigningSpec> signing) {
        this.servers = List.copyOf(servers);
        this.signing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signing));
    }

    /** The lab shipped with the tool ({@code src/main/resources/lab/default/}), read from the class path. */
    public static LabDefinition builtIn() {
        try {
            return load(LabSource.classpath(BUILT_IN));
        } catch (LabException e) {
            // the built-in lab is tested; failing here means a broken build, not a user mistake
            throw new IllegalStateException("built-in lab is broken: " + e.getMessage(), e);
        }
    }

    /** Reads {@code dir/lab.conf} and the zone files it names. */
    public static LabDefinition load(Path dir) throws LabException {
        if (!Files.isDirectory(dir)) {
            throw new LabException(dir + ": not a directory (a lab is a directory holding " + LAB_FILE + " and zone files)");
        }
        return load(LabSource.directory(dir));
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ServerDefinition> servers() {
        return servers;
    }

    /** The zones the lab signs when started with DNSSEC ({@code sign} lines), in lab-file order. */
    public Map<Name, SigningSpec> signing() {
        return signing;
    }

    private static LabDefinition load(LabSource source) throws LabException {
        String labFile = source.describe(LAB_FILE);
        String text = readOrFail(source, LAB_FILE, labFile, 0, "lab file not found");
        LabFileParser parser = new LabFileParser(labFile);
        List<LabFileParser.ServerLine> lines = parser.parse(text);
        // servers naming the same file for the same zone share one Zone: identical data, loaded once
        Map<LabFileParser.ZoneRef, Zone> loaded = new HashMap<>();
        List<ServerDefinition> servers = new ArrayList<>();
        for (LabFileParser.ServerLine line : lines) {
            List<Zone> zones = new ArrayList<>();
            for (LabFileParser.ZoneRef ref : line.zones()) {
                Zone zone = loaded.get(ref);
                if (zone == null) {
                    String zoneText = readOrFail(source, ref.file(), labFile, line.line(),
                            "zone file " + ref.file() + " (for zone " + LabNames.display(ref.origin()) + ") not found");
                    zone = ZoneLoader.load(source.describe(ref.file()), ref.origin(), zoneText);
                    loaded.put(ref, zone);
                }
                zones.add(zone);
            }
            ServerDefinition server = new ServerDefinition(line.name(), line.addresses(), zones, line.axfr(), line.behaviour());
            Optional<String> problem = conflict(servers, server);
            if (problem.isPresent()) {
                throw LabException.at(labFile, line.line(), problem.get());
            }
            servers.add(server);
        }
        for (SigningSpec spec : parser.signing().values()) {
            boolean served = servers.stream().anyMatch(s -> s.zones().stream().anyMatch(z -> z.getOrigin().equals(spec.zone())));
            if (!served) {
                throw LabException.at(labFile, 0, "sign " + LabNames.display(spec.zone()) + ": no server serves that zone");
            }
            for (Name server : spec.expiredOn()) {
                boolean serves = servers.stream().anyMatch(s -> s.name().equals(server)
                        && s.zones().stream().anyMatch(z -> z.getOrigin().equals(spec.zone())));
                if (!serves) {
                    throw LabException.at(labFile, 0, "sign " + LabNames.display(spec.zone()) + ": expired-on="
                            + LabNames.display(server) + " is not a server of that zone");
                }
            }
        }
        return new LabDefinition(servers, parser.signing());
    }

    private static String readOrFail(LabSource source, String file, String reportFile, int line, String problem)
            throws LabException {
        try {
            Optional<String> text = source.read(file);
            if (text.isEmpty()) {
                throw LabException.at(line > 0 ? reportFile : source.describe(file), line, problem);
            }
            return text.get();
        } catch (IOException e) {
            throw LabException.at(source.describe(file), 0, "cannot read: " + e.getMessage());
        }
    }

    /** Why a new server cannot join the ones before it (same name, or an address already taken), if it cannot. */
    private static Optional<String> conflict(List<ServerDefinition> before, ServerDefinition server) {
        Set<Name> zoneOrigins = new LinkedHashSet<>();
        for (Zone z : server.zones()) {
            if (!zoneOrigins.add(z.getOrigin())) {
                return Optional.of("server " + server.displayName() + " lists zone " + LabNames.display(z.getOrigin()) + " twice");
            }
        }
        Set<InetAddress> own = new LinkedHashSet<>();
        for (InetAddress a : server.addresses()) {
            if (!own.add(a)) {
                return Optional.of("server " + server.displayName() + " lists address " + IpAddresses.format(a) + " twice");
            }
        }
        for (ServerDefinition other : before) {
            if (other.name().equals(server.name())) {
                return Optional.of("server " + server.displayName() + " is defined twice");
            }
            for (InetAddress a : server.addresses()) {
                if (other.addresses().contains(a)) {
                    return Optional.of("address " + IpAddresses.format(a) + " is already used by server " + other.displayName()
                            + " (each server binds its own addresses)");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Builds a lab in code, for tests: zone text in, servers out. Mistakes are programming errors here, so
     * {@link #build()} throws {@link IllegalArgumentException} carrying the same message a lab file would get.
     */
    public static final class Builder {
        private final Map<Name, String> zoneTexts = new LinkedHashMap<>();
        private final Map<String, ServerEntry> servers = new LinkedHashMap<>();
        private final List<String> signLines = new ArrayList<>();

        private record ServerEntry(String name, String addresses, List<String> zones, List<String> axfr, Behaviour behaviour) {}

        private Builder() {}

        /** Adds a zone; {@code zoneText} is master-file text, relative names are relative to {@code origin}. */
        public Builder zone(String origin, String zoneText) {
            zoneTexts.put(name(origin), zoneText);
            return this;
        }

        /** Adds a server binding {@code addressesCsv} (loopback literals) and serving zones added with {@link #zone}. */
        public Builder server(String name, String addressesCsv, String... zoneOrigins) {
            servers.put(key(name), new ServerEntry(name, addressesCsv, List.of(zoneOrigins), List.of(), Behaviour.normal()));
            return this;
        }

        public Builder behaviour(String serverName, Behaviour behaviour) {
            ServerEntry e = entry(serverName);
            servers.put(key(serverName), new ServerEntry(e.name, e.addresses, e.zones, e.axfr, behaviour));
            return this;
        }

        /** Lets the server transfer (AXFR over TCP) the given zones, which it must serve. */
        public Builder allowAxfr(String serverName, String... zoneOrigins) {
            ServerEntry e = entry(serverName);
            servers.put(key(serverName), new ServerEntry(e.name, e.addresses, e.zones, List.of(zoneOrigins), e.behaviour));
            return this;
        }

        /** Signs a zone when the lab starts with DNSSEC; {@code options} as on a lab file's sign line. */
        public Builder sign(String zoneOrigin, String... options) {
            signLines.add("sign " + zoneOrigin + (options.length == 0 ? "" : " " + String.join(" ", options)));
            return this;
        }

        public LabDefinition build() {
            // the builder speaks the lab-file language, so a lab built here and one loaded from disk cannot drift apart
            StringBuilder labFile = new StringBuilder();
            Map<String, String> files = new HashMap<>();
            for (Map.Entry<Name, String> z : zoneTexts.entrySet()) {
                files.put(LabNames.defaultZoneFile(z.getKey()), z.getValue());
            }
            for (ServerEntry e : servers.values()) {
                labFile.append("server ").append(e.name).append(' ').append(e.addresses);
                if (!e.zones.isEmpty()) {
                    labFile.append(" zones=").append(String.join(",", e.zones));
                }
                if (!e.axfr.isEmpty()) {
                    labFile.append(" axfr=").append(String.join(",", e.axfr));
                }
                if (!e.behaviour.isNormal()) {
                    labFile.append(' ').append(e.behaviour);
                }
                labFile.append('\n');
            }
            signLines.forEach(line -> labFile.append(line).append('\n'));
            files.put(LAB_FILE, labFile.toString());
            LabSource source = new LabSource() {
                @Override
                public String describe(String file) {
                    return "builder:" + file;
                }

                @Override
                public Optional<String> read(String file) {
                    return Optional.ofNullable(files.get(file));
                }
            };
            try {
                return load(source);
            } catch (LabException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private ServerEntry entry(String serverName) {
            ServerEntry e = servers.get(key(serverName));
            if (e == null) {
                throw new IllegalArgumentException("no server " + serverName + " (add it with server() first)");
            }
            return e;
        }

        private static String key(String name) {
            return LabNames.display(name(name));
        }

        private static Name name(String text) {
            try {
                return LabNames.parse(text);
            } catch (TextParseException e) {
                throw new IllegalArgumentException("bad name '" + text + "': " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "LabDefinition" + Arrays.toString(servers.stream().map(ServerDefinition::displayName).toArray());
    }
}
