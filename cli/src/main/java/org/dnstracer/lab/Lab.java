package org.dnstracer.lab;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Zone;
import org.xbill.DNS.Name;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/**
 * A running lab: every server of a {@link LabDefinition} listening on its own loopback addresses, all on one shared
 * port, so a trace pointed at the lab's root hints with that port meets many distinct servers.
 */
public final class Lab implements AutoCloseable {
    /** How often a free port is looked for when one picked by the kernel is taken on another lab address. */
    private static final int PORT_ATTEMPTS = 8;

    private final LabRuntime runtime = new LabRuntime();
    private final List<LabServer> servers = new ArrayList<>();
    private final List<Runnable> loops = new ArrayList<>();
    private int port;
    private List<Record> rootHints = List.of();
    private LabSigning signing = LabSigning.NONE;

    private Lab() {}

    /**
     * Binds every server and starts answering.
     *
     * @param port the shared port, or 0 for one that is free on every lab address
     * @throws IOException when an address cannot be bound (the message names it)
     * @throws IllegalArgumentException for a port out of range or a non-loopback address
     */
    public static Lab start(LabDefinition def, int port) throws IOException {
        return start(def, port, false);
    }

    /**
     * Binds every server and starts answering; with {@code dnssec}, the zones the definition signs are signed now,
     * with keys and validity windows made for this start, and served to queries with DO=1 (queries without DO get
     * exactly the unsigned answers).
     */
    public static Lab start(LabDefinition def, int port, boolean dnssec) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        for (ServerDefinition s : def.servers()) {
            s.addresses().forEach(LabAddresses::requireLoopback);
        }
        boolean ipv6 = ipv6LoopbackAvailable();
        LabSigning signing = dnssec ? LabSigning.of(def, java.time.Instant.now()) : LabSigning.NONE;
        BindException lastCollision = null;
        for (int attempt = 0; attempt < (port == 0 ? PORT_ATTEMPTS : 1); attempt++) {
            Lab lab = new Lab();
            lab.signing = signing;
            try {
                lab.bindAll(def, port, ipv6);
                lab.runtime.port(lab.port);
                lab.loops.forEach(Runnable::run);
                return lab;
            } catch (BindException e) {
                lab.close();
                lastCollision = e;
            } catch (IOException | RuntimeException e) {
                lab.close();
                throw e;
            }
        }
        throw lastCollision;
    }

    public int port() {
        return port;
    }

    /** In lab-file order. */
    public List<LabServer> servers() {
        return List.copyOf(servers);
    }

    /**
     * A server by host name, case-insensitive, trailing dot optional.
     *
     * @throws IllegalArgumentException when the lab has no such server
     */
    public LabServer server(String name) {
        String wanted;
        try {
            wanted = LabNames.display(LabNames.parse(name));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad server name '" + name + "': " + e.getMessage(), e);
        }
        for (LabServer s : servers) {
            if (s.name().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no server " + name + " in this lab");
    }

    /** NS records for "." naming the lab's root servers, then their A/AAAA records, like named.root. */
    public List<Record> rootHints() {
        return rootHints;
    }

    /**
     * DS records a validator of this lab starts from: one per signed zone without a signed parent (the root's in the
     * built-in lab); empty unless the lab was started with DNSSEC.
     */
    public List<Record> trustAnchors() {
        return signing.trustAnchors();
    }

    /** One line per server: name, addresses, port, zones, behaviour; printed by {@code --lab-serve}. */
    public String serverTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVER", "ADDRESSES", "PORT", "ZONES", "BEHAVIOUR"});
        for (LabServer s : servers) {
            String zones = s.zones().stream().map(LabNames::display).collect(Collectors.joining(","));
            if (!s.definition().axfrZones().isEmpty()) {
                zones += " (axfr " + s.definition().axfrZones().stream().map(LabNames::display).sorted()
                        .collect(Collectors.joining(",")) + ")";
            }
            rows.add(new String[] {
                s.name(),
                s.addresses().stream().map(IpAddresses::format).collect(Collectors.joining(",")),
                Integer.toString(port),
                zones.isEmpty() ? "-" : zones,
                s.behaviour().toString()
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Stops every thread and closes every socket; returns once they are gone. Safe to call twice. */
    @Override
    public void close() {
        runtime.close();
    }

    private void bindAll(LabDefinition def, int requestedPort, boolean ipv6) throws IOException {
        int p = requestedPort;
        // upward referrals carry the root hints, so they are known before any server is built
        this.rootHints = LabRootHints.of(def.servers(), a -> usable(a, ipv6));
        Map<Name, Zone> allZones = new LinkedHashMap<>();
        for (ServerDefinition sd : def.servers()) {
            sd.zones().forEach(z -> allZones.putIfAbsent(z.getOrigin(), z));
        }
        LabResolution resolution = new LabResolution(allZones);
        for (ServerDefinition sd : def.servers()) {
            List<InetAddress> bound = sd.addresses().stream().filter(a -> usable(a, ipv6)).toList();
            LabServer server = new LabServer(sd, bound, rootHints, resolution, signing.of(sd.name()));
            for (InetAddress a : bound) {
                DatagramSocket udp = new DatagramSocket(null);
                runtime.track(udp);
                p = bind(udp, a, p);
                UdpEndpoint endpoint = new UdpEndpoint(server, udp, runtime);
                String loopName = "udp-" + server.name() + "-" + IpAddresses.format(a);
                loops.add(() -> runtime.startLoop(loopName, endpoint));
                TcpEndpoint tcp = new TcpEndpoint(server, a, runtime);
                try {
                    tcp.bind(p);
                } catch (BindException e) {
                    throw collision("TCP", a, p, e);
                }
                server.addTcpEndpoint(tcp);
                if (sd.behaviour().refusesTcp()) {
                    tcp.stop();
                } else {
                    loops.add(tcp::start);
                }
            }
            servers.add(server);
        }
        this.port = p;
    }

    /** IPv6 addresses are skipped (documented) on hosts without an IPv6 loopback. */
    private static boolean usable(InetAddress a, boolean ipv6) {
        return ipv6 || !(a instanceof Inet6Address);
    }

    private static int bind(DatagramSocket udp, InetAddress a, int p) throws BindException {
        try {
            udp.bind(new InetSocketAddress(a, p));
            return udp.getLocalPort();
        } catch (SocketException e) {
            throw collision("UDP", a, p, e);
        }
    }

    private static BindException collision(String proto, InetAddress a, int p, SocketException e) {
        return new BindException("lab cannot bind " + proto + " " + IpAddresses.format(a) + " port " + p + ": "
                + e.getMessage() + (a instanceof Inet6Address ? "" : " (Linux binds all of 127.0.0.0/8 without setup)"));
    }

    private static boolean ipv6LoopbackAvailable() {
        byte[] v6 = new byte[16];
        v6[15] = 1;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(v6), 0))) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
