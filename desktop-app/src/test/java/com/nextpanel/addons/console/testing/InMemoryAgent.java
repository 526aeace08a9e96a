package com.nextpanel.addons.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.AgentJson;
import com.nextpanel.addons.client.BackupInfo;
import com.nextpanel.addons.client.BackupRequest;
import com.nextpanel.addons.client.CatalogEntry;
import com.nextpanel.addons.client.ErrorCode;
import com.nextpanel.addons.client.EventSubscription;
import com.nextpanel.addons.client.Health;
import com.nextpanel.addons.client.JobEvent;
import com.nextpanel.addons.client.JobEventListener;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.client.PlanAction;
import com.nextpanel.addons.client.PlanRequest;
import com.nextpanel.addons.client.PlanView;
import com.nextpanel.addons.client.PlannedAddon;
import com.nextpanel.addons.client.StepView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent API in memory, for view-model and view tests (the console's end-to-end test drives the real
 * agent). Jobs run at once: each is finished when its id is returned, and its events are replayed to a
 * subscriber synchronously, ending with {@code end}. Addon ids starting with {@code broken} fail their
 * migration and roll back, like the real agent does with a failing migration.
 */
public final class InMemoryAgent implements AgentApi {

    public static final String[] STEPS = {"resolve", "download", "stage", "backup", "migrate", "activate", "commit"};

    private final ObjectMapper mapper = AgentJson.newMapper();
    private final List<CatalogEntry> catalog = new ArrayList<>();
    private final Map<String, AddonInfo> installed = new LinkedHashMap<>();
    private final Map<String, JobView> jobs = new LinkedHashMap<>();
    private final Map<String, List<JobEvent>> events = new LinkedHashMap<>();
    private final List<BackupInfo> backups = new ArrayList<>();
    private final Map<String, ArrayNode> routes = new LinkedHashMap<>();
    private final Map<String, JsonNode> consoleSections = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    private Optional<AgentClientException> failEverything = Optional.empty();
    private int next = 1;

    public InMemoryAgent withCatalog(String id, String name, String category, String description, String... versions) {
        catalog.add(new CatalogEntry(id, name, List.of(versions), versions[versions.length - 1], Optional.of(description), Optional.of(category)));
        return this;
    }

    /** The demo catalog the samples publish. */
    public static InMemoryAgent demo() {
        return new InMemoryAgent()
                .withCatalog("ai_chatbot", "AI Chatbot", "Support", "Live chat with canned-rules replies for your customers.", "1.0.0", "1.1.0")
                .withCatalog("email_marketing", "Email Marketing", "Marketing", "Campaigns and subscriber lists.", "1.0.0")
                .withCatalog("notification_hub", "Notification Hub", "Notifications", "Message templates shared by every channel.", "1.0.0", "1.2.0")
                .withCatalog("sms_notifications", "SMS Notifications", "Notifications", "Text messages to customers, through the hub.", "1.0.0")
                .withConsole("ai_chatbot", "{\"navigation\":[{\"parent\":\"Support\",\"title\":\"Live Chats\",\"icon\":\"message-circle\","
                        + "\"route\":\"/api/v1/chat/sessions\",\"columns\":[{\"field\":\"id\",\"title\":\"Id\"},"
                        + "{\"field\":\"customer\",\"title\":\"Customer\"},{\"field\":\"status\",\"title\":\"Status\"}]}]}")
                .withSummary("ai_chatbot", "{\"id\":\"ai_chatbot\",\"version\":\"1.1.0\",\"requires\":{\"core\":\">=1.0.0 <2.0.0\"},"
                        + "\"routes\":[\"/api/v1/chat\"],\"permissions\":[\"billing.customers:read\"],"
                        + "\"changelog\":[{\"version\":\"1.1.0\",\"changes\":[\"Sessions count their messages; Live Chats sorts by latest activity.\"]}]}")
                .withSummary("sms_notifications", "{\"id\":\"sms_notifications\",\"version\":\"1.0.0\",\"requires\":{\"core\":\">=1.0.0 <2.0.0\","
                        + "\"addons\":{\"notification_hub\":\">=1.0.0 <2.0.0\"}},\"routes\":[\"/api/v1/sms\"],\"permissions\":[\"billing.customers:read\"]}")
                .withRows("/api/v1/chat/sessions", "[{\"id\":1,\"customer\":\"ACME Corp\",\"status\":\"open\"},"
                        + "{\"id\":2,\"customer\":\"Globex\",\"status\":\"closed\"}]");
    }

    /** Gives the catalog entry of {@code id} the signed summary of its latest version, as the agent sends it. */
    public InMemoryAgent withSummary(String id, String json) {
        for (int i = 0; i < catalog.size(); i++) {
            CatalogEntry e = catalog.get(i);
            if (e.id().equals(id)) {
                catalog.set(i, new CatalogEntry(e.id(), e.name(), e.versions(), e.latest(), e.description(), e.category(),
                        Optional.of(read(json))));
            }
        }
        return this;
    }

    public InMemoryAgent withConsole(String id, String json) {
        consoleSections.put(id, read(json));
        return this;
    }

    public InMemoryAgent withRows(String route, String json) {
        routes.put(route, (ArrayNode) read(json));
        return this;
    }

    public InMemoryAgent withInstalled(String id, String version) {
        installed.put(id, info(id, version, AddonState.ENABLED));
        return this;
    }

    public InMemoryAgent withBackup(String id, String scope, String addon, Instant at, long size) {
        backups.add(new BackupInfo(id, scope, Optional.ofNullable(addon), Optional.of(at), Optional.of(size),
                addon == null ? Map.of("core", "1.0.0") : Map.of(addon, installed.containsKey(addon) ? installed.get(addon).version() : "1.0.0")));
        return this;
    }

    /** Every call fails with this, as a stopped or untrusting server would. */
    public void failWith(AgentClientException e) {
        failEverything = Optional.ofNullable(e);
    }

    public Map<String, AddonInfo> installedNow() {
        return installed;
    }

    private void call(String what) {
        calls.add(what);
        if (failEverything.isPresent()) {
            throw failEverything.get();
        }
    }

    @Override
    public Health health() {
        call("health");
        return new Health("UP");
    }

    @Override
    public List<AddonInfo> addons() {
        call("addons");
        return List.copyOf(installed.values());
    }

    @Override
    public String disable(String addonId) {
        call("disable " + addonId);
        return job("disable", addonId, Optional.empty(), () -> installed.computeIfPresent(addonId,
                (k, a) -> info(a.id(), a.version(), AddonState.DISABLED)));
    }

    @Override
    public String enable(String addonId) {
        call("enable " + addonId);
        return job("enable", addonId, Optional.empty(), () -> installed.computeIfPresent(addonId,
                (k, a) -> info(a.id(), a.version(), AddonState.ENABLED)));
    }

    @Override
    public List<CatalogEntry> catalog() {
        call("catalog");
        return List.copyOf(catalog);
    }

    @Override
    public PlanView plan(PlanRequest request) {
        call("plan " + request.action().wireName() + " " + request.id());
        CatalogEntry entry = catalog.stream().filter(c -> c.id().equals(request.id())).findFirst()
                .orElseThrow(() -> new AgentClientException(ErrorCode.NOT_FOUND, 404, "not_found", "unknown addon " + request.id(), List.of(), null, null));
        if (request.action() == PlanAction.UNINSTALL && request.id().equals("notification_hub") && installed.containsKey("sms_notifications")) {
            throw new AgentClientException(ErrorCode.CONFLICT, 409, "conflict", "cannot uninstall notification_hub",
                    List.of("sms_notifications depends on notification_hub"), null, null);
        }
        String version = request.version().orElse(entry.latest());
        List<PlannedAddon> addons = new ArrayList<>();
        if (request.id().equals("sms_notifications") && !installed.containsKey("notification_hub")) {
            addons.add(new PlannedAddon("notification_hub", "1.2.0", "install", true, Optional.empty()));
        }
        addons.add(new PlannedAddon(request.id(), version, request.action().wireName(), false,
                Optional.ofNullable(installed.get(request.id())).map(AddonInfo::version)));
        // as the real agent: an install names the tables its migrations create, an uninstall drops the whole schema
        List<String> tables = request.action() == PlanAction.UNINSTALL ? List.of("addon_" + request.id() + ".*")
                : List.of("addon_" + request.id() + ".sessions", "addon_" + request.id() + ".messages");
        List<String> routesOf = List.of("/api/v1/" + request.id().replace("ai_", "").replace("_", "/"));
        long rows = routes.getOrDefault("/api/v1/chat/sessions", mapper.createArrayNode()).size();
        return new PlanView(request.action().wireName(), request.id(), Optional.of(version), addons, tables, routesOf,
                List.of("billing.customers:read"), request.action() == PlanAction.UPDATE,
                request.action() == PlanAction.UNINSTALL && request.id().equals("ai_chatbot") ? rows : 0L, List.of());
    }

    @Override
    public String install(String addonId, Optional<String> version) {
        call("install " + addonId + version.map(v -> " " + v).orElse(""));
        String v = version.orElse(latest(addonId));
        return job("install", addonId, Optional.of(v), () -> {
            if (addonId.equals("sms_notifications") && !installed.containsKey("notification_hub")) {
                installed.put("notification_hub", info("notification_hub", "1.2.0", AddonState.ENABLED));
            }
            installed.put(addonId, info(addonId, v, AddonState.ENABLED));
        });
    }

    @Override
    public String update(String addonId, Optional<String> version, boolean backupFirst) {
        call("update " + addonId + version.map(v -> " " + v).orElse("") + " backup=" + backupFirst);
        String v = version.orElse(latest(addonId));
        return job("update", addonId, Optional.of(v), () -> installed.put(addonId, info(addonId, v, AddonState.ENABLED)));
    }

    @Override
    public String uninstall(String addonId) {
        call("uninstall " + addonId);
        if (addonId.equals("notification_hub") && installed.containsKey("sms_notifications")) {
            throw new AgentClientException(ErrorCode.CONFLICT, 409, "conflict", "sms_notifications depends on notification_hub", List.of(), null, null);
        }
        return job("uninstall", addonId, Optional.empty(), () -> installed.remove(addonId));
    }

    @Override
    public JobView job(String jobId) {
        call("job " + jobId);
        JobView j = jobs.get(jobId);
        if (j == null) {
            throw new AgentClientException(ErrorCode.NOT_FOUND, 404, "not_found", "unknown job " + jobId, List.of(), null, null);
        }
        return j;
    }

    @Override
    public List<JobView> jobs() {
        call("jobs");
        return List.copyOf(jobs.values());
    }

    @Override
    public EventSubscription events(String jobId, JobEventListener listener) {
        call("events " + jobId);
        for (JobEvent e : events.getOrDefault(jobId, List.of())) {
            listener.onEvent(e);
        }
        return new EventSubscription() {
            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public JobView awaitJob(String jobId, Duration timeout) {
        return job(jobId);
    }

    @Override
    public List<BackupInfo> backups() {
        call("backups");
        return List.copyOf(backups);
    }

    @Override
    public String createBackup(BackupRequest request) {
        call("backup " + request.scope() + request.id().map(i -> " " + i).orElse(""));
        return job("backup", request.id().orElse("full"), Optional.empty(), () -> withBackup("b" + (backups.size() + 1), request.scope(),
                request.id().orElse(null), Instant.parse("2026-11-25T21:00:00Z").plusSeconds(backups.size() * 60L), 4096));
    }

    @Override
    public String restore(String backupId) {
        call("restore " + backupId);
        return job("restore", backupId, Optional.empty(), () -> { });
    }

    @Override
    public void deleteBackup(String backupId) {
        call("delete backup " + backupId);
        backups.removeIf(b -> b.backupId().equals(backupId));
    }

    @Override
    public JsonNode getJson(String path) {
        call("GET " + path);
        String owner = path.startsWith("/api/v1/chat") ? "ai_chatbot" : "";
        if (!owner.isEmpty() && (!installed.containsKey(owner) || installed.get(owner).state() != AddonState.ENABLED)) {
            throw new AgentClientException(ErrorCode.NOT_FOUND, 404, "not_found", "no route " + path, List.of(), null, null);
        }
        return routes.getOrDefault(path, mapper.createArrayNode()).deepCopy();
    }

    @Override
    public JsonNode postJson(String path, Object body) {
        call("POST " + path);
        JsonNode row = mapper.valueToTree(body);
        routes.computeIfAbsent(path, k -> mapper.createArrayNode()).add(row);
        return row;
    }

    private String latest(String id) {
        return catalog.stream().filter(c -> c.id().equals(id)).findFirst().map(CatalogEntry::latest).orElse("1.0.0");
    }

    private AddonInfo info(String id, String version, AddonState state) {
        return new AddonInfo(id, version, state, Optional.of(Instant.parse("2026-11-25T20:30:00Z")),
                catalog.stream().filter(c -> c.id().equals(id)).findFirst().map(CatalogEntry::name), Optional.ofNullable(consoleSections.get(id)));
    }

    private String job(String action, String id, Optional<String> version, Runnable effect) {
        String jobId = "job-" + next++;
        List<JobEvent> stream = new ArrayList<>();
        List<StepView> steps = new ArrayList<>();
        List<String> rollback = new ArrayList<>();
        JobState state = JobState.SUCCEEDED;
        int seq = 0;
        for (String step : STEPS) {
            boolean fails = id.startsWith("broken") && step.equals("migrate");
            stream.add(event(++seq, "step", "{\"step\":\"" + step + "\",\"state\":\"RUNNING\"}"));
            String s = fails ? "FAILED" : "DONE";
            String message = fails ? "V2__create_tables.sql: syntax error near 'CRATE'" : "";
            stream.add(event(++seq, "step", "{\"step\":\"" + step + "\",\"state\":\"" + s + "\",\"message\":\"" + message + "\"}"));
            steps.add(new StepView(step, s, message, Optional.empty(), Optional.empty(), Optional.of(12L + seq)));
            if (fails) {
                for (int i = steps.size() - 2; i >= 0; i--) {
                    String undone = steps.get(i).name();
                    rollback.add(undone);
                    steps.set(i, new StepView(undone, "UNDONE", "undone", Optional.empty(), Optional.empty(), steps.get(i).durationMs()));
                    stream.add(event(++seq, "step", "{\"step\":\"" + undone + "\",\"state\":\"UNDONE\"}"));
                }
                state = JobState.ROLLED_BACK;
                break;
            }
        }
        if (state == JobState.SUCCEEDED) {
            effect.run();
        }
        JobView view = new JobView(jobId, action, id, state, steps, rollback, version, Optional.empty(),
                Optional.of(Instant.parse("2026-11-25T21:00:00Z")), Optional.of(Instant.parse("2026-11-25T21:00:01Z")));
        jobs.put(jobId, view);
        stream.add(new JobEvent("end", Optional.of(String.valueOf(++seq)), mapper.valueToTree(view)));
        events.put(jobId, stream);
        return jobId;
    }

    private JobEvent event(int id, String type, String data) {
        return new JobEvent(type, Optional.of(String.valueOf(id)), read(data));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
