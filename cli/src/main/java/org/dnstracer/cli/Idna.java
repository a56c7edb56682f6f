package org.dnstracer.cli;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Internationalised names to their ASCII form by UTS #46 non-transitional processing, which is IDNA2008 as
 * browsers and registries apply it: {@code straße.de} is {@code xn--strae-oqa.de}, a domain of its own, where
 * IDNA2003 ({@code java.net.IDN}) would trace {@code strasse.de} instead. The checks are those RFC 5891 §5.4
 * asks of a lookup: bidi and CONTEXTJ rules, no STD3 host-name rule (a DNS name may hold {@code _dmarc}).
 *
 * <p>ICU4J is large: only this class refers to it, and it is loaded only for a name that is not ASCII.
 */
final class Idna {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    private Idna() {}

    /** A name that UTS #46 refuses. */
    static final class InvalidNameException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidNameException(String message) {
            super(message);
        }
    }

    static String toAscii(String name) throws InvalidNameException {
        IDNA.Info info = new IDNA.Info();
        StringBuilder ascii = UTS46.nameToASCII(name, new StringBuilder(), info);
        if (info.hasErrors()) {
            throw new InvalidNameException("not a valid internationalised name (UTS #46: " + info.getErrors().stream()
                    .map(Idna::describe).collect(Collectors.joining(", ")) + ")");
        }
        return ascii.toString();
    }

    private static String describe(IDNA.Error error) {
        return switch (error) {
            case BIDI -> "mixes left-to-right and right-to-left against the bidi rule";
            case CONTEXTJ -> "a zero-width joiner or non-joiner where none is allowed";
            case DISALLOWED -> "a character not allowed in names";
            default -> error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
