package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class QueryBuilderTest {
    private static final Name NAME = Name.fromConstantString("www.example.com.");

    @Test
    void dnssecOkSetsTheDoBitInTheOptRecord() {
        Message query = new QueryBuilder(1232, true).build(NAME, Type.A, true);
        assertThat(query.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
        assertThat(query.getOPT().getPayloadSize()).isEqualTo(1232);
    }

    @Test
    void withoutDnssecOkTheDoBitIsClear() {
        Message query = new QueryBuilder(1232).build(NAME, Type.A, true);
        assertThat(query.getOPT().getFlags() & ExtendedFlags.DO).isZero();
    }

    @Test
    void withoutEdnsThereIsNoOptRecordEvenWithDnssecOk() {
        assertThat(new QueryBuilder(1232, true).build(NAME, Type.A, false).getOPT()).isNull();
    }

    @Test
    void optionsCarryTheFlagThroughEveryCopy() {
        TransportOptions options = TransportOptions.defaults().withDnssecOk(true).withTries(2).withEdns(true, 4096);
        assertThat(options.dnssecOk()).isTrue();
        assertThat(TransportOptions.defaults().dnssecOk()).isFalse();
    }
}
