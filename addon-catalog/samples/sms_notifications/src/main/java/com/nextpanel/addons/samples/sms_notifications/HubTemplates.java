package com.nextpanel.addons.samples.sms_notifications;

import com.nextpanel.addons.samples.common.RouteProblem;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import java.util.Map;

/**
 * Renders templates through the required {@code notification_hub}: its schema and classes are out of reach, its
 * routes are not ({@code AddonContext.callDependency}).
 */
final class HubTemplates {

    static final String RENDER = "/api/v1/notifications/render";

    private final AddonContext context;

    HubTemplates(AddonContext context) {
        this.context = context;
    }

    /**
     * @return the rendered body of the template
     * @throws RouteProblem with the hub's own status and message when it refuses (unknown template, missing
     *     variables), or 503 when the host cannot reach it
     */
    String render(String template, Map<String, String> variables) throws Exception {
        AddonResponse response;
        try {
            response = context.callDependency(HttpMethod.POST, RENDER,
                    Json.write(Map.of("template", template, "variables", variables)));
        } catch (UnsupportedOperationException e) {
            throw RouteProblem.unavailable("notification_hub cannot be reached: " + e.getMessage());
        }
        Map<String, Object> body = Json.parseObject(response.body());
        if (response.status() != 200) {
            throw RouteProblem.of(response.status(), String.valueOf(body.get("error")),
                    "notification_hub: " + body.get("message"));
        }
        if (!"SMS".equals(body.get("channel")) && !"ANY".equals(body.get("channel"))) {
            throw RouteProblem.badRequest("template '" + template + "' is for " + body.get("channel") + ", not SMS");
        }
        return (String) body.get("body");
    }
}
