package org.dnstracer.replay;

/** A saved trace that cannot be read: missing, too big, not JSON, of another schema, or inconsistent. One line. */
public final class SavedRunException extends Exception {
    private static final long serialVersionUID = 1L;

    public SavedRunException(String message) {
        super(message);
    }
}
