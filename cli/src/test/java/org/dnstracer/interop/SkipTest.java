package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SkipTest {
    private static final Optional<String> NO_ROOT = Optional.of("interop suite needs root (uid 1000)");

    @Test
    void aMissingRequirementSkipsWithItsReason() {
        assertThatThrownBy(() -> Skip.unless(NO_ROOT, Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("needs root (uid 1000)");
        assertThatThrownBy(() -> Skip.unless(NO_ROOT, Map.of("CI", "false")))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void underCiAMissingRequirementFailsWithItsReason() {
        assertThatThrownBy(() -> Skip.unless(NO_ROOT, Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("CI=true, so this may not be skipped: interop suite needs root (uid 1000)");
    }

    @Test
    void nothingMissingRunsTheTestEvenUnderCi() {
        assertThatCode(() -> Skip.unless(Optional.empty(), Map.of("CI", "true"))).doesNotThrowAnyException();
        assertThatCode(() -> Skip.unless(Optional.empty(), Map.of())).doesNotThrowAnyException();
    }
}
