package org.dnstracer.lab;

/**
 * A lab directory, lab file or zone file that cannot be used. The message is meant for the user as it is: it names
 * the file and, where known, the line ({@code lab.conf:12: unknown option 'foo'}), so callers print it without a
 * stack trace.
 */
public class LabException extends Exception {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The conventional {@code file:line: problem} form; line 0 means the whole file. */
    static LabException at(String file, int line, String problem) {
        return new LabException(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
    }
}
