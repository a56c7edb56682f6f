package org.dnstracer.model;

import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** What is traced: a name and a record type (class is always IN). */
public record Question(Name name, int type) {
    public Question {
        Objects.requireNonNull(name, "name");
        if (type < 1 || type > 65535) {
            throw new IllegalArgumentException("type out of range: " + type);
        }
    }

    /** The type as a mnemonic: A, MX, TYPE65280. */
    public String typeName() {
        return Type.string(type);
    }

    /** The name as the classic tool prints it: no trailing dot (the root stays "."). */
    public String displayName() {
        return name.toString(true);
    }
}
