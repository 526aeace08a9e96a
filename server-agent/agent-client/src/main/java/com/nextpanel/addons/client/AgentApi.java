package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The agent API as operations, implemented over HTTPS by {@link AgentClient}. Callers that want to run
 * without a server (the console's view-model tests) implement it in memory.
 */
public interface AgentApi {

    Health health();

    List<AddonInfo> addons();

    String disable(String addonId);

    String enable(String addonId);

    List<CatalogEntry> catalog();

    PlanView plan(PlanRequest request);

    String install(String addonId, Optional<String> version);

    String update(String addonId, Optional<String> version, boolean backupFirst);

    String uninstall(String addonId);

    JobView job(String jobId);

    List<JobView> jobs();

    EventSubscription events(String jobId, JobEventListener listener);

    JobView awaitJob(String jobId, Duration timeout);

    List<BackupInfo> backups();

    String createBackup(BackupRequest request);

    String restore(String backupId);

    void deleteBackup(String backupId);

    JsonNode getJson(String path);

    JsonNode postJson(String path, Object body);
}
