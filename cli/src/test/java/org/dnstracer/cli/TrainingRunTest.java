package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingRunTest {
    @Test
    void everyTrainingCommandTracesTheServedLabAndTheLabServerEnds() throws Exception {
        ChildJvm training = ChildJvm.runMain("256m", TrainingRun.class.getName());

        // a command that did not end as a trace of the lab should is named on stderr (merged here)
        assertThat(training.out()).isEmpty();
        assertThat(training.status()).isZero();
        assertThat(ProcessHandle.allProcesses().map(p -> String.join(" ", p.info().arguments().orElse(new String[0]))))
                .noneMatch(arguments -> arguments.contains("--lab-serve --lab-for 120"));
    }
}
