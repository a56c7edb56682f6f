package org.dnstracer.interop;

/** One line of the {@code -o} overview: which server (name, address) gave which record, normalised. */
record OverviewRecord(String server, String ip, String owner, String data) {
    @Override
    public String toString() {
        return server + " (" + ip + ") " + owner + " -> " + data;
    }
}
