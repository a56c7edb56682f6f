package org.dnstracer.trace;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** The root servers a trace (and every glueless name server lookup) starts from, in named.root order. */
public final class RootHints {
    /** One root server and its addresses (IPv4 first as listed, then IPv6). */
    public record Server(Name name, List<InetAddress> addresses) {
        public Server {
            addresses = List.copyOf(addresses);
        }
    }

    private static final String BUILT_IN = "/org/dnstracer/named.root";

    private final List<Server> servers;

    private RootHints(List<Server> servers) {
        this.servers = List.copyOf(servers);
    }

    public List<Server> servers() {
        return servers;
    }

    /** The IANA root hints shipped with the tool: the real root servers on the internet. */
    public static RootHints builtIn() {
        try (InputStream in = RootHints.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in root hints missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), "built-in root hints");
        } catch (IOException | HintsException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Reads a named.root style file: NS records for "." and the A/AAAA records of those servers. */
    public static RootHints load(Path file) throws HintsException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HintsException("cannot read root hints file " + file + ": " + describe(e));
        }
        return parse(text, "root hints file " + file);
    }

    public static RootHints parse(String text, String origin) throws HintsException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.root, 3600000)) {
            Record r;
            while ((r = master.nextRecord()) != null) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new HintsException(origin + ": " + describe(e));
        }
        return fromRecords(records, origin);
    }

    /** Builds hints from records (the NS set of "." plus glue), e.g. the built-in lab's. */
    public static RootHints fromRecords(List<Record> records, String origin) throws HintsException {
        Map<Name, List<InetAddress>> byName = new LinkedHashMap<>();
        for (Record r : records) {
            if (r instanceof NSRecord ns && r.getName().equals(Name.root)) {
                byName.putIfAbsent(ns.getTarget(), new ArrayList<>());
            }
        }
        for (Record r : records) {
            List<InetAddress> list = byName.get(r.getName());
            if (list == null) {
                continue;
            }
            if (r instanceof ARecord a) {
                list.add(a.getAddress());
            } else if (r instanceof AAAARecord aaaa) {
                list.add(aaaa.getAddress());
            }
        }
        List<Server> servers = new ArrayList<>();
        byName.forEach((name, addresses) -> {
            if (!addresses.isEmpty()) {
                List<InetAddress> ordered = new ArrayList<>();
                addresses.stream().filter(a -> a instanceof java.net.Inet4Address).forEach(ordered::add);
                addresses.stream().filter(a -> a instanceof java.net.Inet6Address).forEach(ordered::add);
                servers.add(new Server(name, ordered));
            }
        });
        if (servers.isEmpty()) {
            throw new HintsException(origin + " has no root server with an address (NS records for \".\" and their A/AAAA)");
        }
        return new RootHints(servers);
    }

    /** The server {@code -s .} starts at: A.ROOT-SERVERS.NET when listed, else the first one. */
    public Server preferredStart() {
        Optional<Server> a = servers.stream()
                .filter(s -> s.name().toString().equalsIgnoreCase("a.root-servers.net."))
                .findFirst();
        return a.orElse(servers.get(0));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A root hints file that cannot be used; its message is fit for the user. */
    public static final class HintsException extends Exception {
        private static final long serialVersionUID = 1L;

        public HintsException(String message) {
            super(message);
        }
    }
}
