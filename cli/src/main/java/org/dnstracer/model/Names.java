package org.dnstracer.model;

import org.xbill.DNS.Name;

/**
 * How names are shown to people: without the trailing dot, as the classic tool did; the root stays ".". That is
 * dnsjava's {@code Name.toString(true)}, which code with a name in hand calls directly; this only adds null.
 */
public final class Names {
    private Names() {}

    public static String display(Name name) {
        return name == null ? "" : name.toString(true);
    }
}
