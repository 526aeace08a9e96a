package com.nextpanel.addons.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class JobEventStreamTest {

    private static final String RUNNING = "{\"jobId\":\"j1\",\"action\":\"install\",\"id\":\"ai_chatbot\",\"state\":\"RUNNING\",\"steps\":[]}";
    private static final String SUCCEEDED = "{\"jobId\":\"j1\",\"action\":\"install\",\"id\":\"ai_chatbot\",\"state\":\"SUCCEEDED\","
            + "\"steps\":[{\"name\":\"resolve\",\"state\":\"DONE\"},{\"name\":\"commit\",\"state\":\"DONE\"}]}";

    /** Collects what a listener is told; waits (bounded, not timed) until the stream is over. */
    static final class Recorder implements JobEventListener {
        final List<JobEvent> events = new CopyOnWriteArrayList<>();
        final List<Integer> reconnects = new CopyOnWriteArrayList<>();
        volatile AgentClientException failure;
        final CountDownLatch over = new CountDownLatch(1);

        @Override
        public void onEvent(JobEvent event) {
            events.add(event);
            if (event.isEnd()) {
                over.countDown();
            }
        }

        @Override
        public void onReconnecting(int attempt, AgentClientException cause) {
            reconnects.add(attempt);
        }

        @Override
        public void onFailure(AgentClientException error) {
            failure = error;
            over.countDown();
        }

        void awaitOver() throws InterruptedException {
            assertThat(over.await(30, TimeUnit.SECONDS)).as("stream ended").isTrue();
        }
    }

    @Test
    void reconnectsAfterTheStreamDropsResumingAfterTheLastEventAndStopsAtEnd() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/jobs/j1/events", FakeAgent.events(
                            "id: 1\nevent: step\ndata: {\"step\":\"resolve\",\"state\":\"RUNNING\"}\n\n"
                                    + "id: 2\nevent: step\ndata: {\"step\":\"resolve\",\"state\":\"DONE\",\"progress\":0.25}\n\n"))
                    .on("GET /agent/v1/jobs/j1/events", FakeAgent.events(
                            "id: 3\nevent: progress\ndata: {\"progress\":100}\n\n"
                                    + "id: 4\nevent: end\ndata: " + SUCCEEDED + "\n\n"))
                    .on("GET /agent/v1/jobs/j1", FakeAgent.json(200, RUNNING));
            Recorder recorder = new Recorder();

            EventSubscription subscription = client.events("j1", recorder);
            recorder.awaitOver();

            assertThat(recorder.failure).isNull();
            assertThat(recorder.events).extracting(JobEvent::type).containsExactly("step", "step", "progress", "end");
            assertThat(recorder.events.get(1).step()).contains("resolve");
            assertThat(recorder.events.get(1).progress()).hasValue(0.25);
            assertThat(recorder.events.get(2).progress()).hasValue(1.0);
            assertThat(recorder.events.get(3).job(client.mapper()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(recorder.reconnects).containsExactly(1);
            assertThat(subscription.isDone()).isTrue();
            List<RecordedRequest> streams = agent.requests.stream()
                    .filter(r -> r.getUrl().encodedPath().endsWith("/events")).toList();
            assertThat(streams).hasSize(2);
            assertThat(streams.get(0).getHeaders().get("Last-Event-ID")).isNull();
            assertThat(streams.get(1).getHeaders().get("Last-Event-ID")).isEqualTo("2");
            assertThat(streams.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer t");
        }
    }

    @Test
    void whenTheJobEndedWhileDisconnectedItDeliversAnEndMadeFromTheJob() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/jobs/j1/events", FakeAgent.events("id: 1\nevent: step\ndata: {\"step\":\"resolve\"}\n\n"))
                    .on("GET /agent/v1/jobs/j1", FakeAgent.json(200, SUCCEEDED));
            Recorder recorder = new Recorder();

            client.events("j1", recorder);
            recorder.awaitOver();

            JobEvent end = recorder.events.get(recorder.events.size() - 1);
            assertThat(end.isEnd()).isTrue();
            assertThat(end.job(client.mapper()).orElseThrow().steps()).hasSize(2);
            assertThat(agent.requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/events"))).hasSize(1);
        }
    }

    @Test
    void aRejectedTokenStopsTheStreamWithoutRetrying() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("bad")) {
            agent.on("GET /agent/v1/jobs/j1/events", FakeAgent.json(401, "{\"error\":\"unauthorized\",\"message\":\"wrong token\"}"));
            Recorder recorder = new Recorder();

            client.events("j1", recorder);
            recorder.awaitOver();

            assertThat(recorder.failure.isUnauthorized()).isTrue();
            assertThat(recorder.reconnects).isEmpty();
            assertThat(recorder.events).isEmpty();
        }
    }

    @Test
    void awaitJobReturnsTheJobOnceItHasEnded() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/jobs/j1", FakeAgent.json(200, RUNNING))
                    .on("GET /agent/v1/jobs/j1", FakeAgent.json(200, RUNNING))
                    .on("GET /agent/v1/jobs/j1", FakeAgent.json(200, SUCCEEDED))
                    .on("GET /agent/v1/jobs/j1/events", FakeAgent.events("id: 1\nevent: step\ndata: {\"step\":\"commit\"}\n\n"));

            JobView job = client.awaitJob("j1", Duration.ofSeconds(30));

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    @Test
    void awaitJobGivesUpWithTimeoutWhenTheJobNeverEnds() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/jobs/j1", FakeAgent.json(200, RUNNING))
                    .on("GET /agent/v1/jobs/j1/events", FakeAgent.events(""));

            assertThatThrownBy(() -> client.awaitJob("j1", Duration.ZERO))
                    .isInstanceOfSatisfying(AgentClientException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        }
    }
}
