package org.dnstracer.lab;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Name handling shared by the lab file, the builder and server look-up: one spelling rule everywhere. */
final class LabNames {
    private LabNames() {}

    /** Parses a domain name written with or without the trailing dot ("." alone is the root). */
    static Name parse(String text) throws TextParseException {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new TextParseException("empty name");
        }
        return Name.fromString(t.endsWith(".") ? t : t + ".");
    }

    static String display(Name name) {
        if (name.equals(Name.root)) {
            return ".";
        }
        String s = name.toString(true).toLowerCase(Locale.ROOT);
        return s;
    }

    /** The zone file a lab-file zone uses when it names none: {@code root.zone} for ".", else {@code <zone>.zone}. */
    static String defaultZoneFile(Name origin) {
        return origin.equals(Name.root) ? "root.zone" : display(origin) + ".zone";
    }
}
