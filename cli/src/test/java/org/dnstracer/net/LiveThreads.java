package org.dnstracer.net;

import java.util.List;

/** The threads of a transport still alive, found by their names' prefix: what close() must leave none of. */
final class LiveThreads {
    private LiveThreads() {}

    static List<Thread> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .toList();
    }
}
