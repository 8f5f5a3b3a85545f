package io.nsgflow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.cli.DistributedRead;
import io.nsgflow.cli.WorkerPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An executor makes a command's plan once for all its tasks, not once per task. */
class PartialTaskTest {
    private static final String TAGS = Path.of("core/src/test/resources/enrich/ServiceTags_Test.json").toString();

    @Test
    void theTasksOfOneCommandShareItsPlanAndAnotherCommandGetsItsOwn() {
        String[] summary = {"summary", "--service-tags", TAGS, "PT1H.json"};
        WorkerPlan first = PartialTask.plan(summary);
        assertThat(PartialTask.plan(summary.clone())).as("the same command line, made again").isSameAs(first);

        String[] top = {"top", "--by", "src", "--service-tags", TAGS, "PT1H.json"};
        WorkerPlan other = PartialTask.plan(top);
        assertThat(other).isNotSameAs(first);
        assertThat(PartialTask.plan(top)).isSameAs(other);
        assertThat(other.spec().partial()).as("each task fills its own partial").isNotSameAs(other.spec().partial());
    }

    @Test
    void aCommandLineAnExecutorCannotUseIsRefusedAndNotKept() {
        String[] missing = {"summary", "--service-tags", "no-such-file.json", "PT1H.json"};
        assertThatThrownBy(() -> PartialTask.plan(missing)).isInstanceOf(DistributedRead.Refused.class)
                .hasMessageContaining("enrichment files must be at that path on every executor");
        assertThatThrownBy(() -> PartialTask.plan(missing)).isInstanceOf(DistributedRead.Refused.class);
    }
}
