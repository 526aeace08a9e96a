package com.nextpanel.addons.samples.sms_notifications;

import com.nextpanel.addons.samples.common.Input;
import com.nextpanel.addons.samples.common.RouteProblem;
import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The HTTP face of the addon, under its declared prefix {@code /api/v1/sms}. */
final class SmsRoutes {

    static final String MESSAGES = "/api/v1/sms/messages";
    private static final List<String> STATUSES = List.of("QUEUED", "SENT", "FAILED");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final SmsStore store;
    private final SmsSender sender;

    SmsRoutes(SmsStore store, SmsSender sender) {
        this.store = store;
        this.sender = sender;
    }

    void register(RouteRegistry routes) {
        routes.get(MESSAGES, this::list);
        routes.post(MESSAGES, this::send);
        routes.get(MESSAGES + "/{id}", request -> {
            long id = Input.pathId(request, "id");
            return AddonResponse.ok(store.byId(id).orElseThrow(() -> SmsStore.missing(id)));
        });
        routes.get("/api/v1/sms/gateway", request -> AddonResponse.ok(Map.of("gateway", "local",
                "accepted", sender.accepted())));
    }

    /** GET messages[?status=SENT][&limit=N]: newest first. */
    private AddonResponse list(AddonRequest request) throws Exception {
        Optional<String> status = Input.choice(request, "status", STATUSES);
        return AddonResponse.ok(store.list(status, Input.limit(request, 100, 500)));
    }

    /**
     * POST messages {"to": E164, "template": NAME, "variables": {...}}: 201 with the message, {@code SENT} or
     * {@code FAILED} by the gateway's answer; the hub's refusals come back with its status.
     */
    private AddonResponse send(AddonRequest request) throws Exception {
        Input input = Input.body(request, "to", "template", "variables");
        String to = input.text("to", 16);
        if (!E164.matcher(to).matches()) {
            throw RouteProblem.badRequest("field 'to' must be a phone number in E.164 form, e.g. +4915112345678");
        }
        String template = input.text("template", 100);
        return AddonResponse.created(sender.send(to, template, input.textMap("variables")));
    }
}
