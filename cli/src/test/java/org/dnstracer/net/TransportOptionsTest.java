package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TransportOptionsTest {
    @Test
    void ednsPayloadSizesFrom512To65535AreAccepted() {
        assertThat(TransportOptions.defaults().withEdns(true, 512).ednsPayloadSize()).isEqualTo(512);
        assertThat(TransportOptions.defaults().withEdns(true, 65535).ednsPayloadSize()).isEqualTo(65535);
        assertThatIllegalArgumentException().isThrownBy(() -> TransportOptions.defaults().withEdns(true, 511));
        assertThatIllegalArgumentException().isThrownBy(() -> TransportOptions.defaults().withEdns(true, 65536));
    }

    @Test
    void atLeastOneTry() {
        assertThat(TransportOptions.defaults().withTries(1).tries()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> TransportOptions.defaults().withTries(0));
    }
}
