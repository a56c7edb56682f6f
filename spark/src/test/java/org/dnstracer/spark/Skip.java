package org.dnstracer.spark;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The interop suite's rule (cli's {@code org.dnstracer.interop.Skip}; test classes are not shared between modules):
 * a test that lacks something on this machine says what and is skipped, but under {@code CI=true}, where the machine
 * is meant to have everything, the skip is a failure.
 */
final class Skip {
    private Skip() {}

    static void unless(Optional<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true, so this may not be skipped: " + missing.get());
        }
        System.out.println("interop: skipped: " + missing.get());
        Assumptions.abort(missing.get());
    }
}
