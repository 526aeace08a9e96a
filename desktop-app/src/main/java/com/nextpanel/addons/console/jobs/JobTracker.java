package com.nextpanel.addons.console.jobs;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.EventSubscription;
import com.nextpanel.addons.client.JobEvent;
import com.nextpanel.addons.client.JobEventListener;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.TaskExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jobs live: for each one a {@link JobProgress} fed from the job's server-sent events (the client
 * reconnects when the stream drops), completed with the job's final snapshot. Keeps the history of this
 * session's jobs, newest first, and tells listeners when a job ends (so that installed addons, addon pages
 * and backups refresh). Closing the console only stops following; the jobs go on on the server.
 */
public final class JobTracker {

    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);

    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<JobProgress> jobs = FXCollections.observableArrayList();
    private final Map<String, EventSubscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Consumer<JobProgress>> onEnded = new ArrayList<>();

    public JobTracker(Supplier<Optional<AgentApi>> api, TaskExecutor executor, Clock clock) {
        this.api = api;
        this.executor = executor;
        this.clock = clock;
    }

    /** Newest first. */
    public ObservableList<JobProgress> jobs() {
        return jobs;
    }

    public void whenEnded(Consumer<JobProgress> listener) {
        onEnded.add(listener);
    }

    public Optional<JobProgress> find(String jobId) {
        return jobs.stream().filter(j -> j.jobId().equals(jobId)).findFirst();
    }

    /** Starts following {@code jobId}; returns its progress at once (filled in as events arrive). */
    public JobProgress follow(String jobId, String title) {
        Optional<JobProgress> known = find(jobId);
        if (known.isPresent()) {
            return known.get();
        }
        JobProgress progress = new JobProgress(jobId, title, clock);
        jobs.add(0, progress);
        Optional<AgentApi> a = api.get();
        if (a.isEmpty()) {
            progress.connectionTrouble("Not connected");
            return progress;
        }
        AgentApi agent = a.get();
        EventSubscription sub = agent.events(jobId, new JobEventListener() {
            @Override
            public void onEvent(JobEvent event) {
                executor.runOnUi(() -> {
                    progress.apply(event);
                    if (event.isEnd()) {
                        Optional<JobView> carried = event.job(com.nextpanel.addons.client.AgentJson.newMapper());
                        carried.ifPresent(progress::apply);
                        finish(agent, progress);
                    }
                });
            }

            @Override
            public void onReconnecting(int attempt, AgentClientException cause) {
                executor.runOnUi(() -> progress.connectionTrouble("Connection lost — reconnecting (attempt " + attempt + ")…"));
            }

            @Override
            public void onFailure(AgentClientException error) {
                LOG.warn("stopped following job {}", jobId, error);
                executor.runOnUi(() -> {
                    progress.connectionTrouble("Stopped following: " + error.getMessage());
                    finish(agent, progress);
                });
            }
        });
        if (!sub.isDone()) {
            subscriptions.put(jobId, sub);
        }
        return progress;
    }

    /** Reads the final job and tells the listeners; once per job. */
    private void finish(AgentApi agent, JobProgress progress) {
        EventSubscription sub = subscriptions.remove(progress.jobId());
        if (sub != null) {
            sub.close();
        }
        BackgroundTask.wrap(() -> agent.job(progress.jobId()))
                .onSuccess(job -> {
                    progress.apply(job);
                    if (job.state().isTerminal() && progress.announceEnd()) {
                        onEnded.forEach(l -> l.accept(progress));
                    }
                })
                .onFailure(e -> LOG.warn("cannot read job {} after its end", progress.jobId(), e))
                .executeWith(executor);
    }

    /** Loads the agent's own list of recent jobs into the history, where the agent offers it. */
    public void loadHistory() {
        Optional<AgentApi> a = api.get();
        if (a.isEmpty()) {
            return;
        }
        BackgroundTask.wrap(() -> a.get().jobs())
                .onSuccess(list -> {
                    for (JobView j : list) {
                        if (find(j.jobId()).isEmpty()) {
                            JobProgress p = new JobProgress(j.jobId(), titleOf(j), clock);
                            p.apply(j);
                            jobs.add(p);
                        }
                    }
                })
                .onFailure(e -> LOG.debug("the agent offers no job list: {}", e.getMessage()))
                .executeWith(executor);
    }

    /** Stops following every job (the jobs go on on the server). */
    public void stopFollowing() {
        subscriptions.values().forEach(EventSubscription::close);
        subscriptions.clear();
    }

    public static String titleOf(JobView j) {
        String action = j.action().isBlank() ? "Job" : Character.toUpperCase(j.action().charAt(0)) + j.action().substring(1);
        return (action + " " + j.id() + j.version().map(v -> " " + v).orElse("")).trim();
    }
}
