package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The typed options are the parsed command line, every option of the model read, in one place. */
class TraceOptionsTest {
    private static CommandSpec parsed(String... args) {
        CommandLine cl = new CommandLine(new TraceCommand().model());
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.parseArgs(args);
        return cl.getCommandSpec();
    }

    @Test
    void everyOptionOfTheModelIsRead() {
        TraceOptions.Reader reader = new TraceOptions.Reader(parsed("www.example.com"));
        TraceOptions.read(reader);
        assertThat(reader.unread()).as("options of the model that TraceOptions does not read").isEmpty();
    }

    @Test
    void optionsOmittedTakeTheModelsDefaults() {
        TraceOptions o = TraceOptions.from(parsed("www.example.com"));

        assertThat(o.sending().retries()).isEqualTo(3);
        assertThat(o.sending().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.sending().ednsSize()).isEqualTo(1232);
        assertThat(o.sending().maxTime()).isEqualTo(120);
        assertThat(o.sending().maxNs()).isEqualTo(32);
        assertThat(o.sending().port()).isNull();
        assertThat(o.sending().ipv4()).isFalse();
        assertThat(o.manyNames().rate()).isEqualTo(20.0);
        assertThat(o.target().queryType()).isNull();
        assertThat(o.lab().lab()).isNull();
        assertThat(o.words()).containsExactly("www.example.com");
        assertThat(o.given()).isEmpty();
    }

    @Test
    void givenValuesAreConvertedToTheirTypes() {
        TraceOptions o = TraceOptions.from(parsed("-co4", "-qMX", "-r2", "-t", "0.5", "-p", "5353", "--json",
                "--save", "run.json", "--check", "--fail-on", "warning", "--max-ns", "7", "@127.0.0.1", "example.com"));

        assertThat(o.sending().noCache()).isTrue();
        assertThat(o.output().overview()).isTrue();
        assertThat(o.sending().ipv4()).isTrue();
        assertThat(o.sending().ipv6()).isFalse();
        assertThat(o.target().queryType()).isEqualTo(Type.MX);
        assertThat(o.sending().retries()).isEqualTo(2);
        assertThat(o.sending().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.sending().port()).isEqualTo(5353);
        assertThat(o.output().json()).isTrue();
        assertThat(o.output().save()).isEqualTo(Path.of("run.json"));
        assertThat(o.faults().check()).isTrue();
        assertThat(o.faults().failOn()).isEqualTo("warning");
        assertThat(o.sending().maxNs()).isEqualTo(7);
        assertThat(o.words()).containsExactly("@127.0.0.1", "example.com");
    }

    @Test
    void givenNamesEveryNameOfTheOptionsOnTheCommandLineInTheirOrder() {
        TraceOptions o = TraceOptions.from(parsed("--max-time", "9", "-p", "5353", "-r", "3", "x"));

        assertThat(o.given()).containsExactly("--max-time", "-p", "--port", "-r", "--retries");
        assertThat(o.given("-r")).as("given with its default value").isTrue();
        assertThat(o.given("--timeout")).isFalse();
    }

    @Test
    void theLabsOptionalDirectoryIsEmptyForTheBuiltInLab() {
        TraceOptions o = TraceOptions.from(parsed("--lab", "www.example.com"));

        assertThat(o.lab().lab()).isEmpty();
        assertThat(o.words()).isEqualTo(List.of("www.example.com"));
    }
}
