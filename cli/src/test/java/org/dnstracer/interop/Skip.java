package org.dnstracer.interop;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * How interop tests give up when the machine lacks what they need (root, Debian packages, network namespaces): they
 * say so and why, and are reported skipped; but under {@code CI=true} the machine is meant to have everything, so a
 * skip there fails the run instead of letting a green build hide that nothing was compared.
 */
public final class Skip {
    private Skip() {}

    /** Skips (or under CI fails) the calling test or test class when {@code missing} names something. */
    public static void unless(Optional<String> missing) {
        unless(missing, System.getenv());
    }

    static void unless(Optional<String> missing, Map<String, String> environment) {
        if (missing.isEmpty()) {
            return;
        }
        String reason = missing.get();
        if ("true".equals(environment.get("CI"))) {
            throw new AssertionError("CI=true, so this may not be skipped: " + reason);
        }
        System.out.println("interop: skipped: " + reason);
        Assumptions.abort(reason);
    }
}
