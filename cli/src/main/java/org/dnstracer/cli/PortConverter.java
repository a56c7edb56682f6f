package org.dnstracer.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -p PORT}, for a trace and for {@code --lab-serve} alike. */
final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw new TypeConversionException("must be a port number from 1 to 65535, not '" + text + "'");
    }
}
