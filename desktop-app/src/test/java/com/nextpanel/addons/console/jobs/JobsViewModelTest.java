package com.nextpanel.addons.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsViewModelTest {

    @TempDir
    Path config;

    @Test
    void aSucceededJobShowsEveryStepDoneWithItsDurationAndFullProgress() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        String jobId = console.agent.install("ai_chatbot", Optional.empty());

        JobProgress job = console.context.tracker().follow(jobId, "Install ai_chatbot");
        JobsViewModel vm = console.context.jobsViewModel();
        vm.select(jobId);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.steps()).extracting(StepRow::name).containsExactly(InMemoryAgent.STEPS);
        assertThat(job.steps()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo("DONE");
            assertThat(s.duration()).isPresent();
        });
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.log()).anyMatch(l -> l.contains("migrate DONE"));
        assertThat(vm.summaryProperty().get()).isEqualTo("Succeeded.");
    }

    @Test
    void aRolledBackJobListsExactlyTheStepsThatWereUndoneInOrder() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()
                .withCatalog("broken_migration", "Broken", "Test", "A migration with an SQL error.", "1.0.0")).connected();
        String jobId = console.agent.install("broken_migration", Optional.empty());

        JobProgress job = console.context.tracker().follow(jobId, "Install broken_migration");
        JobsViewModel vm = console.context.jobsViewModel();
        vm.select(jobId);

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.rollback()).containsExactly("backup", "stage", "download", "resolve");
        assertThat(job.steps()).filteredOn(s -> s.name().equals("migrate")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("syntax error"));
        assertThat(vm.summaryProperty().get()).isEqualTo("Failed and rolled back: 4 steps were undone, the server is as before.");
    }

    @Test
    void theHistoryKeepsEveryJobNewestFirst() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        console.context.tracker().follow(console.agent.install("ai_chatbot", Optional.empty()), "Install ai_chatbot");
        console.context.tracker().follow(console.agent.uninstall("ai_chatbot"), "Uninstall ai_chatbot");

        assertThat(console.context.jobsViewModel().jobs()).extracting(JobProgress::title)
                .containsExactly("Uninstall ai_chatbot", "Install ai_chatbot");
    }

    @Test
    void eventsRepeatedAfterAReconnectDoNotDuplicateSteps() {
        JobProgress job = new JobProgress("j1", "Install x", java.time.Clock.systemUTC());
        var mapper = com.nextpanel.addons.client.AgentJson.newMapper();
        var running = new com.nextpanel.addons.client.JobEvent("step", Optional.of("1"), mapper.createObjectNode().put("step", "stage").put("state", "RUNNING"));
        var done = new com.nextpanel.addons.client.JobEvent("step", Optional.of("2"), mapper.createObjectNode().put("step", "stage").put("state", "DONE"));

        job.apply(running);
        job.apply(done);
        job.connectionTrouble("Connection lost — reconnecting (attempt 1)…");
        job.apply(running);
        job.apply(done);

        assertThat(job.steps()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("DONE"));
        assertThat(job.connectionProperty().get()).isEmpty();
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void durationsComeFromTheServerWhenItSendsThem() {
        JobProgress job = new JobProgress("j1", "x", java.time.Clock.systemUTC());
        job.apply(new com.nextpanel.addons.client.JobView("j1", "install", "x", JobState.SUCCEEDED,
                java.util.List.of(new com.nextpanel.addons.client.StepView("migrate", "DONE", "", Optional.empty(), Optional.empty(), Optional.of(42L))),
                java.util.List.of()));

        assertThat(job.steps().get(0).duration()).contains(Duration.ofMillis(42));
        assertThat(job.isEnded()).isTrue();
    }
}
