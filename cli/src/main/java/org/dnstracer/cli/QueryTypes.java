package org.dnstracer.cli;

import org.xbill.DNS.Type;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -q}: any mnemonic dnsjava knows, in any case, or a number 1-65535; not the types that cannot be the
 * question of a non-recursive query. ANY stays: the classic tool accepted it, and servers still answer it (if
 * only with one RRset, RFC 8482).
 */
final class QueryTypes implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        int type = Type.value(text.trim(), true);
        if (type < 1 || type > 65535) {
            throw new TypeConversionException("unknown query type '" + text + "' (expected a type such as A, AAAA, MX, "
                    + "NS, TXT, or a number 1-65535)");
        }
        String why = switch (type) {
            case Type.OPT, Type.TSIG, Type.TKEY -> "is a meta-type that only travels with a message, not a question "
                    + "a server answers";
            case Type.AXFR, Type.IXFR -> "asks for a zone transfer, which is not a question a server answers to a "
                    + "non-recursive query (use dig " + Type.string(type) + " over TCP)";
            default -> null;
        };
        if (why != null) {
            throw new TypeConversionException(Type.string(type) + " " + why);
        }
        return type;
    }
}
