package org.dnstracer.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The default start servers: the {@code nameserver} lines of /etc/resolv.conf that hold an IP literal. */
final class ResolvConf {
    static final Path DEFAULT = Path.of("/etc/resolv.conf");

    private ResolvConf() {}

    /** In file order; a zone ({@code fe80::1%eth0}) is kept, as the C library keeps it. */
    static List<InetAddress> nameservers(String text) {
        List<InetAddress> found = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                IpLiterals.parse(words[1]).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Empty when the file cannot be read: then the C library's default applies. */
    static List<InetAddress> nameservers(Path file) {
        try {
            return nameservers(Files.readString(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
