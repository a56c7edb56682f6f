package org.dnstracer.cli;

import org.xbill.DNS.Type;

/** {@code -q}: any mnemonic dnsjava knows, in any case, or a number 1-65535. */
final class QueryTypes {
    private QueryTypes() {}

    static int parse(String text) throws UsageException {
        int type = Type.value(text.trim(), true);
        if (type < 1 || type > 65535) {
            throw new UsageException("unknown query type '" + text + "' (expected a type such as A, AAAA, MX, NS, TXT, "
                    + "or a number 1-65535)");
        }
        return type;
    }
}
