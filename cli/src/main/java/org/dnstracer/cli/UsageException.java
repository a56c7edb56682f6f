package org.dnstracer.cli;

/** A mistake in the command line or its input: one line on stderr, exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
