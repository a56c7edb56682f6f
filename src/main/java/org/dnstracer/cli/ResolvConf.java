package org.dnstracer.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dnstracer.net.IpAddresses;

/** The default start server: the first {@code nameserver} line of /etc/resolv.conf that holds an IP literal. */
final class ResolvConf {
    static final Path DEFAULT = Path.of("/etc/resolv.conf");

    private ResolvConf() {}

    static Optional<InetAddress> firstNameserver(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                String address = words[1];
                int zone = address.indexOf('%');
                Optional<InetAddress> parsed = IpAddresses.parseLiteral(zone >= 0 ? address.substring(0, zone) : address);
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<InetAddress> firstNameserver(Path file) {
        try {
            return firstNameserver(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
