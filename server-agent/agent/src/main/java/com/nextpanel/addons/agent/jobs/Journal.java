package com.nextpanel.addons.agent.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The durable journal of jobs and their steps ({@code agent.jobs}, {@code agent.job_steps}). Every write is its
 * own committed transaction, except {@link #commit}, which also carries the registry change.
 */
final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_MAX = 4000;

    private final DataSource dataSource;

    Journal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insertJob(JobRecord job) {
        update("INSERT INTO agent.jobs (job_id, action, addon_id, version, backup, state, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                job.jobId(), job.action().name(), job.addonId(), job.version().orElse(null), job.backup(),
                job.state().name(), job.createdAt().toEpochMilli());
    }

    void markRunning(String jobId, Instant now) {
        update("UPDATE agent.jobs SET state = ?, started_at = ? WHERE job_id = ?", JobState.RUNNING.name(),
                now.toEpochMilli(), jobId);
    }

    void finishJob(String jobId, JobState state, String message, Instant now) {
        update("UPDATE agent.jobs SET state = ?, message = ?, finished_at = ? WHERE job_id = ?", state.name(),
                clip(message), now.toEpochMilli(), jobId);
    }

    void insertStep(String jobId, String phase, int stepNo, Step step, StepState state, String message) {
        update("INSERT INTO agent.job_steps (job_id, phase, step_no, name, kind, undo_record, state, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                jobId, phase, stepNo, step.name(), step.kind(), toJson(step.record()), state.name(), clip(message));
    }

    void updateStep(String jobId, String phase, int stepNo, StepState state, String message, Instant startedAt,
                    long durationMillis) {
        update("UPDATE agent.job_steps SET state = ?, message = ?, started_at = ?, duration_ms = ?"
                        + " WHERE job_id = ? AND phase = ? AND step_no = ?",
                state.name(), clip(message), startedAt.toEpochMilli(), durationMillis, jobId, phase, stepNo);
    }

    /**
     * The commit point: the registry change and the journal's record of it in one transaction.
     *
     * @return the commit step's message
     */
    String commit(String jobId, int stepNo, CommitStep step, StepContext context, Instant startedAt,
                  long[] durationOut) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                String message = step.commit(c, context);
                long duration = System.currentTimeMillis() - startedAt.toEpochMilli();
                durationOut[0] = duration;
                exec(c, "UPDATE agent.job_steps SET state = ?, message = ?, started_at = ?, duration_ms = ?"
                                + " WHERE job_id = ? AND phase = ? AND step_no = ?",
                        StepState.SUCCEEDED.name(), clip(message), startedAt.toEpochMilli(), duration, jobId,
                        StepRecord.FORWARD, stepNo);
                exec(c, "UPDATE agent.jobs SET committed = TRUE WHERE job_id = ?", jobId);
                c.commit();
                return message;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    Optional<JobRecord> job(String jobId) {
        List<JobRecord> found = jobs("SELECT * FROM agent.jobs WHERE job_id = ?", jobId);
        return found.stream().findFirst();
    }

    List<JobRecord> recentJobs(int limit) {
        return jobs("SELECT * FROM agent.jobs ORDER BY seq DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY");
    }

    /** @return jobs in {@code state}, oldest first */
    List<JobRecord> jobsIn(JobState state) {
        return jobs("SELECT * FROM agent.jobs WHERE state = ? ORDER BY seq", state.name());
    }

    /** @return committed jobs with a forward step after the commit that did not succeed, oldest first */
    List<JobRecord> committedWithUnfinishedSteps() {
        return jobs("SELECT * FROM agent.jobs j WHERE j.committed = TRUE AND EXISTS (SELECT 1 FROM agent.job_steps s"
                + " WHERE s.job_id = j.job_id AND s.phase = 'forward' AND s.state <> 'SUCCEEDED')"
                + " ORDER BY j.seq");
    }

    /**
     * @return the records of the steps of {@code kind} that a job neither finished nor committed was running, forward
     *         or undoing, when the agent stopped; empty when the journal's tables do not exist yet
     */
    List<Map<String, String>> interruptedSteps(String kind) {
        String sql = "SELECT s.undo_record FROM agent.job_steps s JOIN agent.jobs j ON j.job_id = s.job_id"
                + " WHERE j.state = 'RUNNING' AND j.committed = FALSE AND s.kind = ? AND s.state = 'RUNNING'"
                + " ORDER BY j.seq, s.phase, s.step_no";
        try (Connection c = dataSource.getConnection()) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            boolean upper = meta.storesUpperCaseIdentifiers();
            try (ResultSet rs = meta.getTables(null, upper ? "AGENT" : "agent", upper ? "JOB_STEPS" : "job_steps",
                    null)) {
                if (!rs.next()) {
                    return List.of();
                }
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(fromJson(rs.getString(1)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    List<StepRecord> steps(String jobId, String phase) {
        String sql = "SELECT * FROM agent.job_steps WHERE job_id = ? AND phase = ? ORDER BY step_no";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, jobId, phase);
            List<StepRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StepRecord(rs.getString("phase"), rs.getInt("step_no"), rs.getString("name"),
                            rs.getString("kind"), fromJson(rs.getString("undo_record")),
                            StepState.valueOf(rs.getString("state")), rs.getString("message"),
                            rs.getLong("duration_ms")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    Optional<JobView> view(String jobId) {
        return job(jobId).map(this::view);
    }

    JobView view(JobRecord job) {
        List<StepView> forward = steps(job.jobId(), StepRecord.FORWARD).stream().map(StepRecord::view).toList();
        List<StepView> rollback = steps(job.jobId(), StepRecord.ROLLBACK).stream().map(StepRecord::view).toList();
        return new JobView(job.jobId(), job.action(), job.addonId(), job.state(), forward, rollback,
                job.createdAt(), job.finishedAt());
    }

    private List<JobRecord> jobs(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<JobRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong("finished_at");
                    Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(finished));
                    out.add(new JobRecord(rs.getString("job_id"), JobAction.valueOf(rs.getString("action")),
                            rs.getString("addon_id"), Optional.ofNullable(rs.getString("version")),
                            rs.getBoolean("backup"), JobState.valueOf(rs.getString("state")),
                            rs.getBoolean("committed"), Instant.ofEpochMilli(rs.getLong("created_at")),
                            finishedAt));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            exec(c, sql, args);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static AgentException failure(SQLException e) {
        return new AgentException(ErrorCode.INTERNAL, "job journal: " + e.getMessage(), e);
    }

    static String clip(String message) {
        String m = message == null ? "" : message;
        return m.length() <= MESSAGE_MAX ? m : m.substring(0, MESSAGE_MAX - 1) + "…";
    }

    private static String toJson(Map<String, String> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot journal step record: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new AgentException(ErrorCode.INTERNAL, "unreadable journaled step record: " + e.getMessage(), e);
        }
    }
}
