package org.dnstracer.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -r N}: the number of tries per server (named "retries" in 1.9, but counted as tries there too). */
final class TriesConverter implements ITypeConverter<Integer> {
    static final int MAX = 20;

    @Override
    public Integer convert(String text) {
        int tries;
        try {
            tries = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number of tries from 1 to " + MAX + ", not '" + text + "'");
        }
        if (tries < 1 || tries > MAX) {
            throw new TypeConversionException("must be from 1 to " + MAX + " tries, not " + tries);
        }
        return tries;
    }
}
