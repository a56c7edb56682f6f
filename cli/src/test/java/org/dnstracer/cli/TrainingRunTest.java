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
        // only this build's lab servers (same class path): a training run of another checkout may be running
        String classPath = System.getProperty("java.class.path");
        assertThat(ProcessHandle.allProcesses().map(p -> String.join(" ", p.info().arguments().orElse(new String[0]))))
                .noneMatch(arguments -> arguments.contains(classPath) && arguments.contains("--lab-serve --lab-for 120"));
    }
}
